using System.Text.RegularExpressions;

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

    [Fact]
    public void The_scan_reads_the_texts_and_the_files()
    {
        Assert.True(ShownTexts.Constants().Count() > 100);
        Assert.True(ShownTexts.ProcedureFiles().Select(f => f.Where).Distinct().Count() >= 28);
        Assert.Matches(EnglishWord(), "Bấm Menu");
    }

    [Fact]
    public void No_text_constant_holds_an_english_word() =>
        Assert.Empty(ShownTexts.Constants().Where(t => EnglishWord().IsMatch(AllowedNames().Replace(t.Text, " "))).Select(t => $"{t.Where}: {t.Text}"));

    [Fact]
    public void No_procedure_file_tells_residents_an_english_word() =>
        Assert.Empty(ShownTexts.ProcedureFiles().Where(t => EnglishWord().IsMatch(AllowedNames().Replace(ShownTexts.ValueOf(t.Text), " "))).Select(t => $"{t.Where}: {t.Text}"));
}
