using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.StaffWeb;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>
/// A deployment of two communes (Phước Đức and a sample one, each with its own agency code and villages), a clerk of
/// each, a leader of the first and a province administrator, the staff API key, a fake clock (Thursday 26/11/2026, 09:00
/// in Vietnam), and an audit log that also notes which commune each staff action was done for.
/// </summary>
public sealed class CommunesFactory : StaffApiFactory
{
    public const string A = "phuoc-duc";
    public const string AName = "xã Phước Đức";
    public const string AAgency = "000.32.30.H49";
    public const string B = "mau-hai";
    public const string BName = "xã Mẫu Hai (tên mẫu)";
    public const string BAgency = "000.00.00.M02";
    public const string BVillage = "Làng Mẫu Một";

    public const string ClerkA = "hoa";
    public const string ClerkB = "mai";
    public const string LeaderA = "lan";
    public const string Province = "tinh";

    // One hash for all: PBKDF2 at full cost takes a while on a loaded machine.
    private static readonly string Hash = StaffPassword.Hash(WorkspaceFactory.Password);

    public CommunesFactory()
    {
        Settings["Communes:0:Id"] = A;
        Settings["Communes:0:CommuneName"] = AName;
        Settings["Communes:0:OfficeName"] = "Bộ phận một cửa UBND xã Phước Đức";
        Settings["Communes:0:AgencyCode"] = AAgency;
        Settings["Communes:0:Villages:0"] = "Thôn 1";
        Settings["Communes:0:Villages:1"] = "Thôn 2";
        Settings["Communes:1:Id"] = B;
        Settings["Communes:1:CommuneName"] = BName;
        Settings["Communes:1:OfficeName"] = "Bộ phận một cửa UBND xã Mẫu Hai (tên mẫu)";
        Settings["Communes:1:AgencyCode"] = BAgency;
        Settings["Communes:1:Villages:0"] = BVillage;
        Settings["Communes:1:OnlineGoalPercent"] = "70";
        var members = new[] { (ClerkA, "Chị Hoa", "Clerk", A), (ClerkB, "Chị Mai", "Clerk", B), (LeaderA, "Anh Lân", "Leader", A), (Province, "Anh Tỉnh", "Province", "") };
        for (var i = 0; i < members.Length; i++)
        {
            Settings[$"Staff:Members:{i}:Channel"] = "webchat";
            Settings[$"Staff:Members:{i}:UserId"] = members[i].Item1;
            Settings[$"Staff:Members:{i}:Name"] = members[i].Item2;
            Settings[$"Staff:Members:{i}:Role"] = members[i].Item3;
            Settings[$"Staff:Members:{i}:Commune"] = members[i].Item4;
            Settings[$"Staff:Members:{i}:PasswordHash"] = Hash;
        }
        ExtraServices = services => services.AddSingleton<IStaffAuditLog>(sp =>
            new CommuneNotingAudit(sp.GetRequiredService<StaffAuditLog>(), sp.GetRequiredService<CommuneContext>(), Audited));
    }

    /// <summary>Every staff action recorded so far, with the commune it was done for (null: none entered).</summary>
    public ConcurrentQueue<(string Staff, string Action, string? Commune)> Audited { get; } = new();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Commune CommuneA => Get<CommuneDirectory>().Find(A)!;

    public Commune CommuneB => Get<CommuneDirectory>().Find(B)!;

    /// <summary>The communes the actions named <paramref name="action"/> were done for, in order.</summary>
    public IReadOnlyList<string?> CommunesOf(string action) => [.. Audited.Where(a => a.Action == action).Select(a => a.Commune)];

    public Workspace Browser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    // The real audit log, and beside it which commune was entered when each action was recorded.
    private sealed class CommuneNotingAudit(IStaffAuditLog inner, CommuneContext communes, ConcurrentQueue<(string, string, string?)> seen) : IStaffAuditLog
    {
        public StaffAction Record(string staff, string action, string? target = null, string? details = null)
        {
            seen.Enqueue((staff, action, communes.CurrentOrNull?.Id));
            return inner.Record(staff, action, target, details);
        }

        public StaffAction Record(StaffAction entry)
        {
            seen.Enqueue((entry.Staff, entry.Action, communes.CurrentOrNull?.Id));
            return inner.Record(entry);
        }

        public IReadOnlyList<StaffAction> Recent(int count) => inner.Recent(count);

        public IReadOnlyList<StaffAction> ForTarget(string target) => inner.ForTarget(target);

        public IReadOnlyList<StaffAction> ByStaff(string staff, int count) => inner.ByStaff(staff, count);
    }
}
