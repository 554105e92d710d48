using System.Reflection;
using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Language;

/// <summary>Residents and staff read Vietnamese only: no English word in a text constant or a procedure file.</summary>
public sealed partial class NoEnglishTests
{
    // English words that have leaked or could leak into replies; Vietnamese typed without diacritics never spells them.
    [GeneratedRegex(@"\b(menu|resident|staff|emulator|admin|status|submit|cancel|help|click|button|please|error|online|offline|email|link|file|upload|download|the|and|you|yes|no|next|back|home|send|ok)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    // Addresses and names residents may see written as they are.
    [GeneratedRegex(@"https?://\S+|[\w.-]+\.gov\.vn|VNeID|Zalo|\{\d+\}|/\w+", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedNames();

    private static IEnumerable<(string Where, string Text)> TextConstants() =>
        new[] { typeof(MainMenu).Assembly, typeof(NoticeService).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.Name.EndsWith("Texts", StringComparison.Ordinal) || type.Name is "MainMenu" or "NoticeButtons")
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(string) && (field.IsLiteral || field.IsInitOnly))
                .Select(field => ($"{type.Name}.{field.Name}", (string)field.GetValue(null)!)));

    private static IEnumerable<(string Where, string Text)> ProcedureFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Procedures"), "*.yaml")
            .SelectMany(path => File.ReadLines(path)
                // Phrases and examples are what residents type ("the" is "thẻ" without diacritics), not what the bot says.
                .TakeWhile(line => !line.StartsWith("phrases:", StringComparison.Ordinal) && !line.StartsWith("examples:", StringComparison.Ordinal))
                .Where(line => !line.StartsWith("id:", StringComparison.Ordinal) && !line.StartsWith("handler:", StringComparison.Ordinal))
                .Select(line => (Path.GetFileName(path), line)));

    [Fact]
    public void The_scan_reads_the_texts_and_the_files()
    {
        Assert.True(TextConstants().Count() > 100);
        Assert.True(ProcedureFiles().Select(f => f.Where).Distinct().Count() >= 28);
        Assert.Matches(EnglishWord(), "Bấm Menu");
    }

    [Fact]
    public void No_text_constant_holds_an_english_word() =>
        Assert.Empty(TextConstants().Where(t => EnglishWord().IsMatch(AllowedNames().Replace(t.Text, " "))).Select(t => $"{t.Where}: {t.Text}"));

    [Fact]
    public void No_procedure_file_tells_residents_an_english_word() =>
        Assert.Empty(ProcedureFiles().Where(t => EnglishWord().IsMatch(AllowedNames().Replace(ValueOf(t.Text), " "))).Select(t => $"{t.Where}: {t.Text}"));

    // The YAML key names are English by design; only the values are read by people.
    private static string ValueOf(string line) => line.Contains(':') ? line[(line.IndexOf(':') + 1)..] : line;
}
