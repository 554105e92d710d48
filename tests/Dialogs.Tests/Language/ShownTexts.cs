using System.Reflection;
using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Language;

/// <summary>What people read that is written in advance: the text constants and the procedure files' told fields.</summary>
internal static partial class ShownTexts
{
    // English words that have leaked or could leak into replies; Vietnamese typed without diacritics never spells them.
    [GeneratedRegex(@"\b(menu|resident|staff|emulator|admin|status|submit|cancel|help|click|button|please|error|online|offline|email|link|file|upload|download|the|and|you|yes|no|next|back|home|send|ok|invalid|required|body|must|there|is|not|found|too|many|try|again|later|valid|larger)\b", RegexOptions.IgnoreCase)]
    public static partial Regex EnglishWord();

    // Addresses and names people may see written as they are.
    [GeneratedRegex(@"https?://\S+|[\w.-]+\.gov\.vn|VNeID|Zalo|\{\d+\}|/\w+", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedNames();

    /// <summary>Whether a text people read holds an English word, addresses and names aside.</summary>
    public static bool HasEnglish(string text) => EnglishWord().IsMatch(AllowedNames().Replace(text, " "));

    public static IEnumerable<(string Where, string Text)> Constants() => ConstantsOf(typeof(MainMenu).Assembly, typeof(NoticeService).Assembly, typeof(Knowledge.Procedures.DocumentWording).Assembly);

    /// <summary>The string constants of the assemblies' text classes (named "…Texts", and the menu's buttons).</summary>
    public static IEnumerable<(string Where, string Text)> ConstantsOf(params Assembly[] assemblies) =>
        assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.Name.EndsWith("Texts", StringComparison.Ordinal) || type.Name is "MainMenu" or "NoticeButtons")
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(string) && (field.IsLiteral || field.IsInitOnly))
                .Select(field => ($"{type.Name}.{field.Name}", (string)field.GetValue(null)!)));

    public static IEnumerable<(string Where, string Text)> ProcedureFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Procedures"), "*.yaml")
            .SelectMany(path => File.ReadLines(path)
                // Phrases and examples are what residents type ("the" is "thẻ" without diacritics), not what the bot says.
                .TakeWhile(line => !line.StartsWith("phrases:", StringComparison.Ordinal) && !line.StartsWith("examples:", StringComparison.Ordinal))
                .Where(line => !line.StartsWith("id:", StringComparison.Ordinal) && !line.StartsWith("handler:", StringComparison.Ordinal))
                .Select(line => (Path.GetFileName(path), line)));

    /// <summary>The YAML key names are English by design; only the values are read by people.</summary>
    public static string ValueOf(string line) => line.Contains(':') ? line[(line.IndexOf(':') + 1)..] : line;
}
