using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>Each staff member's commune is checked at start, one line each.</summary>
public sealed class StaffCommuneSettingsTests
{
    public static TheoryData<bool, string, string, string?> Members => new()
    {
        // Several communes: every clerk and leader names a configured one; a province administrator needs none.
        { true, "Clerk", "mau-hai", null },
        { true, "Leader", "phuoc-duc", null },
        { true, "Province", "", null },
        { true, "Province", "mau-hai", null },
        { true, "Clerk", "khong-co", "Staff:Members:0:Commune is khong-co, which is no configured commune: use the Id of one of phuoc-duc, mau-hai." },
        { true, "Clerk", "", "Staff:Members:0:Commune must name the commune this member works for (several communes are served); a province administrator has Role Province." },
        { true, "Leader", "", "Staff:Members:0:Commune must name the commune this member works for (several communes are served); a province administrator has Role Province." },
        // One commune, as today: no commune needed, and its own Id accepted.
        { false, "Clerk", "", null },
        { false, "Leader", "phuoc-duc", null },
        { false, "Clerk", "mau-hai", "Staff:Members:0:Commune is mau-hai, which is no configured commune: use the Id of one of phuoc-duc." },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void A_member_s_commune_is_checked(bool several, string role, string commune, string? problem)
    {
        var settings = new Dictionary<string, string?> { ["Office:CommuneName"] = "xã Phước Đức" };
        if (several)
        {
            settings["Communes:0:Id"] = "phuoc-duc";
            settings["Communes:0:AgencyCode"] = "000.32.30.H49";
            settings["Communes:1:Id"] = "mau-hai";
            settings["Communes:1:AgencyCode"] = "000.00.00.M02";
        }
        var communes = new CommunesOptions();
        communes.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var staff = new StaffOptions { Members = [new StaffMember { UserId = "hoa", Role = Enum.Parse<StaffRole>(role), Commune = commune }] };

        var result = new StaffCommuneProblems(Options.Create(communes)).Validate(null, staff);

        Assert.Equal(problem is null ? [] : [problem], result.Failures ?? []);
    }
}
