using Microsoft.Extensions.Options;
using OneStopBot.Office.Communes;

namespace OneStopBot.Office.Staff;

/// <summary>
/// Which communes a staff member acts for: a clerk or leader their own (in a one-commune deployment, that one commune),
/// a province administrator every commune. Every staff edge (chat commands, workspace, HTTP API) asks here before it
/// enters a commune, so a clerk can never act for another commune whatever the request names.
/// </summary>
public sealed class StaffCommunes(CommuneDirectory directory)
{
    /// <summary>True when <paramref name="member"/> works for the whole province.</summary>
    public static bool IsProvince(StaffMember member) => member.Role == StaffRole.Province;

    /// <summary>The member's own commune; null for a province administrator who names none.</summary>
    public Commune? HomeOf(StaffMember member) =>
        member.Commune.Length == 0 ? directory.Single : directory.Find(member.Commune);

    /// <summary>True when <paramref name="member"/> may see and change <paramref name="commune"/>'s records.</summary>
    public bool MayActFor(StaffMember member, Commune commune) =>
        IsProvince(member) || HomeOf(member) is { } home && home.Id == commune.Id;

    /// <summary>
    /// The commune the member acts for now: <paramref name="chosen"/> when they may act for it, else their own, else (a
    /// province administrator with none) the first configured.
    /// </summary>
    public Commune For(StaffMember member, string? chosen = null) =>
        directory.Find(chosen) is { } wanted && MayActFor(member, wanted) ? wanted
            : HomeOf(member) ?? directory.All[0];

    /// <summary>
    /// True when <paramref name="leader"/> may lock or reset <paramref name="member"/>'s account: a province
    /// administrator anyone's, a leader only their own commune's clerks and leaders.
    /// </summary>
    public bool MayManage(StaffMember leader, StaffMember member) =>
        IsProvince(leader) || !IsProvince(member) && HomeOf(member) is { } home && MayActFor(leader, home);

    /// <summary>The communes the member may switch between, in configured order.</summary>
    public IReadOnlyList<Commune> Reachable(StaffMember member) => [.. directory.All.Where(c => MayActFor(member, c))];
}

/// <summary>Each member's commune checked at start, one line each: it must be configured, and set when several are served.</summary>
public sealed class StaffCommuneProblems(IOptions<CommunesOptions> communes) : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var served = communes.Value.Communes;
        var problems = new List<string>();
        for (var i = 0; i < options.Members.Count; i++)
        {
            var member = options.Members[i];
            var where = $"{StaffOptions.Section}:Members:{i}:{nameof(StaffMember.Commune)}";
            if (member.Commune.Length > 0 && !served.Any(c => c.Id == member.Commune))
            {
                problems.Add($"{where} is {member.Commune}, which is no configured commune: use the Id of one of {string.Join(", ", served.Select(c => c.Id))}.");
            }
            else if (member.Commune.Length == 0 && served.Count > 1 && !StaffCommunes.IsProvince(member))
            {
                problems.Add($"{where} must name the commune this member works for (several communes are served); a province administrator has {nameof(StaffMember.Role)} {nameof(StaffRole.Province)}.");
            }
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
