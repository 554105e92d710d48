using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OneStopBot.Office.Dossiers;

/// <summary>Dossier codes <c>&lt;agency code&gt;-YYMMDD-NNNN</c> (Circular 01/2018/TT-VPCP, art. 19).</summary>
public static partial class DossierCode
{
    public const int MaxSequence = 9999;

    /// <summary>An example residents can copy the shape of.</summary>
    public static string Example(string agencyCode) => Format(agencyCode, new DateOnly(2026, 11, 20), 12);

    public static string Format(string agencyCode, DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{day:yyMMdd}-{sequence:D4}");
    }

    /// <summary>
    /// Reads a code as residents type it: any case, spaces, missing dots, or only <c>YYMMDD-NNNN</c> (then
    /// <paramref name="agencyCode"/> is assumed). An agency typed without its dots is matched against
    /// <paramref name="agencyCode"/>. False for anything that is not a well-formed code.
    /// </summary>
    public static bool TryNormalize(string? input, string agencyCode, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 80)
        {
            return false;
        }
        var compact = Compact(input);
        var match = CodeShape().Match(compact);
        if (!match.Success ||
            !DateOnly.TryParseExact(match.Groups["day"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }
        var sequence = int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture);
        if (sequence < 1)
        {
            return false;
        }

        var typedAgency = match.Groups["agency"].Value.TrimEnd('-');
        string agency;
        if (typedAgency.Length == 0 || string.Equals(WithoutDots(typedAgency), WithoutDots(agencyCode), StringComparison.OrdinalIgnoreCase))
        {
            agency = agencyCode;
        }
        else if (AgencyShape().IsMatch(typedAgency))
        {
            agency = typedAgency;
        }
        else
        {
            return false;
        }
        code = Format(agency, day, sequence);
        return true;
    }

    private static string Compact(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            // En and em dashes, minus signs and underscores from phones' keyboards all mean the separator.
            builder.Append(c is '–' or '—' or '−' or '_' or '‐' ? '-' : char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private static string WithoutDots(string agency) => agency.Replace(".", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<agency>[0-9A-Z.]*[0-9A-Z]-?)?(?<day>[0-9]{6})-?(?<seq>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"^[0-9A-Z]+(\.[0-9A-Z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyShape();
}
