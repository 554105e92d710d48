namespace OneStopBot.Dialogs.Tests.Language;

/// <summary>Residents and staff read Vietnamese only: no English word in a text constant or a procedure file.</summary>
public sealed class NoEnglishTests
{
    [Fact]
    public void The_scan_reads_the_texts_and_the_files()
    {
        Assert.True(ShownTexts.Constants().Count() > 100);
        Assert.True(ShownTexts.ProcedureFiles().Select(f => f.Where).Distinct().Count() >= 28);
        Assert.True(ShownTexts.HasEnglish("Bấm Menu"));
    }

    [Fact]
    public void No_text_constant_holds_an_english_word() =>
        Assert.Empty(ShownTexts.Constants().Where(t => ShownTexts.HasEnglish(t.Text)).Select(t => $"{t.Where}: {t.Text}"));

    [Fact]
    public void No_procedure_file_tells_residents_an_english_word() =>
        Assert.Empty(ShownTexts.ProcedureFiles().Where(t => ShownTexts.HasEnglish(ShownTexts.ValueOf(t.Text))).Select(t => $"{t.Where}: {t.Text}"));
}
