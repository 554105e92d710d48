using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Dialogs.Tests.Communes;

/// <summary>
/// A deployment of three communes: Phước Đức with the shipped Office facts, and two sample communes (invented names,
/// for tests only) with facts of their own. Suối Mây and Phước Thành share no facts with Phước Đức.
/// </summary>
public static class TwoCommunes
{
    public const string PhuocDuc = "phuoc-duc";
    public const string SuoiMay = "suoi-may";
    public const string PhuocThanh = "phuoc-thanh";

    public const string PhuocDucPhone = "0235 3812 345";
    public const string SuoiMayPhone = "0236 3999 888";
    public const string SuoiMayAgency = "000.40.20.H49";
    public const string SuoiMayOffice = "Bộ phận một cửa UBND xã Suối Mây";
    public const string SuoiMayVillage = "Thôn Suối Đá";
    public const string SuoiMayPolice = "Công an xã Suối Mây, cạnh chợ";

    public static Dictionary<string, string?> Settings => new()
    {
        ["Communes:0:Id"] = PhuocDuc,
        ["Communes:1:Id"] = SuoiMay,
        ["Communes:1:CommuneName"] = "xã Suối Mây",
        ["Communes:1:OfficeName"] = SuoiMayOffice,
        ["Communes:1:Address"] = "Trụ sở UBND xã Suối Mây, thành phố Đà Nẵng",
        ["Communes:1:Phone"] = SuoiMayPhone,
        ["Communes:1:WorkingHours"] = "Sáng 7:00–11:00, chiều 13:00–16:30, thứ Hai đến thứ Sáu",
        ["Communes:1:AgencyCode"] = SuoiMayAgency,
        ["Communes:1:Villages:0"] = SuoiMayVillage,
        ["Communes:1:Villages:1"] = "Thôn Mây Hồng",
        ["Communes:1:Handlers:communePolice:Name"] = "Công an xã Suối Mây",
        ["Communes:1:Handlers:communePolice:Place"] = "trụ sở " + SuoiMayPolice,
        ["Communes:1:Handlers:communePolice:Hours"] = "Sáng 7:00–11:00, thứ Hai đến thứ Bảy",
        ["Communes:1:Handlers:communeMilitary:Name"] = "Ban Chỉ huy quân sự xã Suối Mây",
        ["Communes:1:Handlers:communeMilitary:Place"] = "trụ sở Ban Chỉ huy quân sự xã Suối Mây",
        ["Communes:1:Handlers:communeMilitary:Hours"] = "Sáng 7:00–11:00, thứ Hai đến thứ Sáu",
        ["Communes:2:Id"] = PhuocThanh,
        ["Communes:2:CommuneName"] = "xã Phước Thành",
        ["Communes:2:OfficeName"] = "Bộ phận một cửa UBND xã Phước Thành",
        ["Communes:2:Phone"] = "0235 3777 000",
        ["Communes:2:AgencyCode"] = "000.40.21.H49",
    };

    /// <summary>A received dossier of Suối Mây, filed from another chat with the phone 0912345621.</summary>
    public static async Task<string> FileInSuoiMayAsync(ConversationHarness harness)
    {
        var code = SuoiMayAgency + "-261126-0001";
        using (harness.Get<CommuneContext>().Enter(harness.Commune(SuoiMay)))
        {
            var request = new NewDossier
            {
                ProcedureId = "khai-sinh", ApplicantName = "Alăng Thị Hoa", Phone = "0912345621", Village = SuoiMayVillage, WorkingDays = 3,
                Owner = new Office.Notices.ChatAddress("zalo", "someone-else", "someone-else"),
            };
            var at = harness.Time.GetUtcNow();
            Assert.Equal([true], await harness.Get<IDossierArchive>().InsertImportedAsync(
                [new ImportedDossier(request, code, [new StatusChange { At = at, Status = DossierStatus.Received, Actor = "api" }])], "api", at));
        }
        return code;
    }
}
