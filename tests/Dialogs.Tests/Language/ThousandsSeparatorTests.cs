using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Tests.Language;

/// <summary>Numbers of 1.000 and more are written with Vietnamese thousands dots wherever a person reads them.</summary>
public sealed partial class ThousandsSeparatorTests
{
    private static readonly OfficeGoals Goals = new(65, 90);

    // Four or more digits in a row that are not part of a longer token (a code, a date, a legal reference).
    [GeneratedRegex(@"(?<![\d.,/:\-])\d{4,}(?![\d/:\-]|[.,]\d)")]
    private static partial Regex LongNumber();

    // Excepted: dossier codes (…-231120-0012), dates and legal references (123/2015/NĐ-CP), years, digits to type
    // as they are ("4 chữ số, ví dụ: 5678") and a file's bare number fields (pageFee).
    [GeneratedRegex(@"[\w.]*\d{6}-\d{4}|\d+/\d+(/[\w-]+)?|\b(19|20|21)\d\d\b(?! (ký tự|chữ|đồng|ngày|trang|hồ sơ))|[Vv]í dụ: \d+|^\s*\d+$")]
    private static partial Regex Excepted();

    private static IEnumerable<string> Unseparated(string text) =>
        LongNumber().Matches(Excepted().Replace(text, " ")).Select(m => m.Value);

    [Theory]
    [InlineData("tối đa 1830 ngày", "1830")]
    [InlineData("Lệ phí 15000 đồng", "15000")]
    [InlineData("dưới 2000 chữ", "2000")]
    [InlineData("Mã 000.32.30.H49-231120-0012, năm 2026, 30/11/2026, Nghị định 123/2015/NĐ-CP, 15.000 đồng", null)]
    [InlineData("Số điện thoại cần 10 số. Ví dụ: 0912345678.", null)]
    public void The_check_finds_unseparated_numbers_only(string text, string? found) =>
        Assert.Equal(found is null ? [] : [found], Unseparated(text));

    [Fact]
    public void No_text_constant_or_procedure_file_writes_a_number_without_its_dots()
    {
        var texts = ShownTexts.Constants().Concat(ShownTexts.ProcedureFiles().Select(f => (f.Where, ShownTexts.ValueOf(f.Text))));
        Assert.Empty(texts.Where(t => Unseparated(t.Item2).Any()).Select(t => $"{t.Where}: {t.Item2}"));
    }

    [Fact]
    public void Numbers_composed_at_run_time_get_their_dots()
    {
        using var harness = new ConversationHarness();
        var copy = harness.Get<ProcedureCatalog>().Find("chung-thuc-ban-sao")!;
        var statistics = new PeriodStatistics
        {
            From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31),
            Received = 12_345, Online = 10_000, Resolved = 12_000, ResolvedOnTime = 11_999, InProgress = 1_234, Overdue = 1_001,
            Satisfaction = new SatisfactionCount(4_321, 5_000),
        };
        string[] composed =
        [
            .. StatisticsWording.Lines(statistics, Goals),
            TextTemplate.Fill(StaffStatisticsTextsUsage(), VietnameseNumber.Of(OfficeStatistics.MaxPeriodDays)),
            DossierFormat.Ago(new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 1)),
            ProcedureAnswers.PageFeeOf(copy, 5000)!,
        ];

        Assert.Empty(composed.SelectMany(Unseparated));
        Assert.Contains("12.345", composed[1], StringComparison.Ordinal);
        Assert.Contains("1.830", composed[^3], StringComparison.Ordinal);
        Assert.Equal("2.192 ngày trước", composed[^2]);
        Assert.StartsWith("5.000 trang thì hết 200.000 đồng", composed[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1.000")]
    [InlineData(1_830, "1.830")]
    [InlineData(200_000, "200.000")]
    [InlineData(1_234_567, "1.234.567")]
    [InlineData(-15_000, "-15.000")]
    public void One_helper_writes_every_number(long number, string text) => Assert.Equal(text, VietnameseNumber.Of(number));

    private static string StaffStatisticsTextsUsage() =>
        ShownTexts.Constants().Single(t => t.Where == "StaffStatisticsTexts.Usage").Text;
}
