using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The last numbered list offered to each user, so that a number typed back ("2", "số 2") is understood as that
/// choice before the turn runs.
/// </summary>
public sealed partial class ZaloChoiceMemory(IOptions<ZaloOptions> options, TimeProvider timeProvider)
{
    private readonly ExpiringCache<string, IReadOnlyList<ZaloChoice>> offered =
        new(options.Value.ChoicesCapacity, options.Value.ChoicesLifetime, timeProvider);

    public void Remember(string userId, IReadOnlyList<ZaloChoice> choices)
    {
        if (choices.Count > 0)
        {
            offered.Set(userId, choices);
        }
    }

    /// <summary>The choice a typed number stands for, or null when the text is not one of the offered numbers.</summary>
    public ZaloChoice? Resolve(string userId, string? text)
    {
        if (text is null || text.Length > 16)
        {
            return null;
        }
        var match = ChoiceNumber().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["n"].ValueSpan, out var number))
        {
            return null;
        }
        return offered.TryGet(userId, out var choices) && number >= 1 && number <= choices.Count
            ? choices[number - 1]
            : null;
    }

    [GeneratedRegex(@"^\s*(?:(?:số|so)\s*)?(?<n>\d{1,2})\s*[.)]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceNumber();
}
