using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OneStopBot.Bot.Hosting;

/// <summary>The one HTML encoder of the pages the host writes itself (web chat, QR posters).</summary>
public static class HtmlText
{
    // Vietnamese letters stay readable in the page source; markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
