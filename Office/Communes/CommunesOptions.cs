using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace OneStopBot.Office.Communes;

/// <summary>
/// Configuration section <c>Communes</c>: the communes one deployment serves. Each item has an <c>Id</c> (a slug),
/// optional <c>HostNames</c>, and any key of the <c>Office</c> section; what an item leaves out it takes from
/// <c>Office</c>, the province's shared facts. Without the section, <c>Office</c> is the one commune.
/// </summary>
public sealed partial class CommunesOptions
{
    public const string Section = "Communes";

    /// <summary>The communes, in configured order, each with the province's facts under its own.</summary>
    public List<Commune> Communes { get; } = [];

    /// <summary>True when the deployment was configured with a <c>Communes</c> list.</summary>
    public bool IsListed { get; private set; }

    /// <summary>Reads the communes from <paramref name="configuration"/>.</summary>
    public void Read(IConfiguration configuration)
    {
        Communes.Clear();
        var shared = configuration.GetSection(OfficeOptions.Section);
        var items = configuration.GetSection(Section).GetChildren().ToList();
        IsListed = items.Count > 0;
        if (!IsListed)
        {
            var office = shared.Get<OfficeOptions>() ?? new OfficeOptions();
            Communes.Add(new Commune(shared["Id"] is { Length: > 0 } id ? id : SlugOf(office.CommuneName), office, []));
            return;
        }
        foreach (var item in items)
        {
            var office = shared.Get<OfficeOptions>() ?? new OfficeOptions();
            // A list is the commune's own, not added to the province's.
            if (item.GetSection(nameof(OfficeOptions.Villages)).Exists())
            {
                office.Villages = [];
            }
            item.Bind(office);
            var hosts = item.GetSection("HostNames").Get<List<string>>() ?? [];
            Communes.Add(new Commune(item["Id"] ?? string.Empty, office, hosts));
        }
    }

    /// <summary>What is wrong with the configured communes, one line each; empty when they can serve.</summary>
    public IEnumerable<string> Problems()
    {
        var where = IsListed ? Section : OfficeOptions.Section;
        for (var i = 0; i < Communes.Count; i++)
        {
            var (commune, name) = (Communes[i], IsListed ? $"{Section}:{i}" : OfficeOptions.Section);
            if (!SlugPattern().IsMatch(commune.Id))
            {
                yield return $"{name}:Id must be a slug of lower-case letters, digits and hyphens, e.g. phuoc-duc.";
            }
            if (!IsListed)
            {
                continue; // The Office section is checked as itself.
            }
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(commune.Office, new ValidationContext(commune.Office), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return result.ErrorMessage?.Replace("Office:", name + ":", StringComparison.Ordinal) ?? name;
            }
            foreach (var problem in commune.Office.HandlerProblems())
            {
                yield return problem.Replace("Office:", name + ":", StringComparison.Ordinal);
            }
        }
        foreach (var id in Communes.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"{where}: the Id {id} is given to more than one commune.";
        }
        foreach (var code in Communes.GroupBy(c => c.Office.AgencyCode, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"{where}: the AgencyCode {code} is given to more than one commune; it says whose a dossier is.";
        }
        foreach (var host in Communes.SelectMany(c => c.HostNames.Select(h => (c.Id, Host: h)))
            .GroupBy(x => x.Host, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"{where}: the host name {host} is given to more than one commune.";
        }
    }

    /// <summary>"xã Phước Đức" → "phuoc-duc": the commune's name without its tier, folded, words joined by hyphens.</summary>
    public static string SlugOf(string communeName)
    {
        var words = Dossiers.FoldedName.Words(communeName);
        // The tier ("xã", "phường", "đặc khu") is the same for every commune of its kind: not part of the slug.
        var tier = words.Count > 2 && words[0] == "dac" && words[1] == "khu" ? 2
            : words.Count > 1 && words[0] is "xa" or "phuong" ? 1 : 0;
        var slug = string.Join('-', words.Skip(tier));
        return slug.Length == 0 ? "xa" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
