using System.Globalization;

namespace OneStopBot.LoadTest;

/// <summary>
/// A province's configuration generated for the load: the shipped commune (Phước Đức, the Office facts) first, then
/// sample communes, each with its own slug, name, agency code and host name, as command-line settings. Its residents
/// say their commune in their first two messages, as on a channel the communes share.
/// </summary>
internal static class ProvinceConfiguration
{
    private const string Shipped = "xã Phước Đức";

    public static IEnumerable<string> Arguments(int communes)
    {
        yield return "--Communes:0:Id=phuoc-duc";
        for (var i = 1; i < communes; i++)
        {
            yield return $"--Communes:{i}:Id=xa-mau-{i}";
            yield return $"--Communes:{i}:CommuneName={NameOf(i)}";
            yield return string.Create(CultureInfo.InvariantCulture, $"--Communes:{i}:AgencyCode=000.{i:D3}.31.H49");
            yield return $"--Communes:{i}:HostNames:0=motcua.xa-mau-{i}.example.vn";
        }
    }

    /// <summary>What virtual user <paramref name="user"/> first says: a greeting (then asked the commune), and their commune.</summary>
    public static IReadOnlyList<string> Opening(int user, int communes) => ["xin chào", NameOf(user % communes)];

    private static string NameOf(int commune) => commune == 0 ? Shipped : $"xã Mẫu {commune}";
}
