using System.Diagnostics;
using System.Text;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using Xunit.Abstractions;

namespace OneStopBot.Dialogs.Tests.Prompts;

/// <summary>
/// Every prompt recogniser, given a megabyte of hostile text directly (without the channel's cut), answers in linear
/// time, well within the budget of a whole turn; what reads whole messages is measured on the cut text it gets.
/// </summary>
public class HostileTextTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(100);

    public static TheoryData<string> Payloads() => new()
    {
        Repeat("1", 1_000_000),
        Repeat("a.", 500_000),
        Repeat("000.32.30.H49-", 70_000),
        Repeat("12/", 330_000),
        Repeat("ngay 1 thang ", 80_000),
        Repeat("0912 345 6", 100_000),
        Repeat("\u0301", 1_000_000),
        Repeat("có không ", 110_000),
        Repeat(" ", 1_000_000) + "x",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Prompt_recognisers_stay_linear(string payload)
    {
        var today = new DateOnly(2026, 11, 26);
        Measure("choice", () => ChoiceRecognizer.Recognize(payload, ["Thôn 2", "Thôn 3"]));
        Measure("confirm", () => ConfirmRecognizer.Recognize(payload));
        Measure("date", () => DateRecognizer.Recognize(payload, today));
        Measure("phone", () => PhoneRecognizer.Recognize(payload));
        Measure("citizen id", () => CitizenIdRecognizer.Recognize(payload));
        Measure("name", () => PersonName.TryNormalize(payload, out _, out _));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void What_reads_a_cut_message_is_within_budget(string payload)
    {
        // The channels cut every message to 2,000 characters before these read it.
        var cut = payload[..2000];
        Measure("understanding", () => ShippedKnowledge.Understanding.Understand(cut));
        Measure("masking", () => Masking.NumbersIn(cut));
        Measure("statistics period", () => StaffStatisticsDialog.TryReadPeriod(cut, new DateOnly(2026, 11, 26), out _, out _));
    }

    private void Measure<T>(string what, Func<T> recognise)
    {
        recognise();
        // The best of three: a collection or another process taking the core is not the reader's time.
        var best = Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            recognise();
            return watch.Elapsed;
        }).Min();
        output.WriteLine($"{what}: {best.TotalMilliseconds:0.0} ms");
        Assert.True(best < Budget, $"{what}: {best.TotalMilliseconds:0} ms");
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();
}
