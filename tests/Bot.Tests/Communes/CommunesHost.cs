using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Communes;

/// <summary>
/// The host as shipped serving two communes: Phước Đức with the Office facts, and a sample commune (an invented name,
/// for tests only) with its own facts and its own host name, behind a public address under a path.
/// </summary>
public class CommunesHost : OneStopBotFactory
{
    public const string PublicUrl = "https://tinh.example.vn/hoi-dap/";
    public const string SuoiMayHost = "suoimay.example.vn";
    public const string PhuocDucPhone = "0235 3812 345";
    public const string SuoiMayPhone = "0236 3999 888";

    public CommunesHost()
    {
        Settings["WebChat:PublicUrl"] = PublicUrl;
        Settings["DirectLine:TokenSecret"] = "test-secret-of-at-least-32-bytes!";
        Settings["Edge:ConversationStartsPerMinute"] = "100000";
        Settings["Communes:0:Id"] = "phuoc-duc";
        Settings["Communes:1:Id"] = "suoi-may";
        Settings["Communes:1:CommuneName"] = "xã Suối Mây";
        Settings["Communes:1:OfficeName"] = "Bộ phận một cửa UBND xã Suối Mây";
        Settings["Communes:1:Address"] = "Trụ sở UBND xã Suối Mây, thành phố Đà Nẵng";
        Settings["Communes:1:Phone"] = SuoiMayPhone;
        Settings["Communes:1:AgencyCode"] = "000.40.20.H49";
        Settings["Communes:1:HostNames:0"] = SuoiMayHost;
    }
}
