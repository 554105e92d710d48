using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Tests.Prompts;

/// <summary>
/// Every prompt recogniser, given a megabyte of hostile text directly (without the channel's cut), answers; what
/// reads whole messages is given the cut text it gets. Their work is bounded by construction, not timed: every regular
/// expression on people's text runs on the linear-time engine (<see cref="RegexOptions.NonBacktracking"/>) or with a
/// timeout. How long they take belongs to the benchmarks.
/// </summary>
public class HostileTextTests
{
    /// <summary>Expressions that never see people's text, with why.</summary>
    private static readonly Dictionary<string, string> ConfigurationOnly = new(StringComparer.Ordinal)
    {
        ["CommunesOptions"] = "commune ids in the configuration file, checked at start-up",
    };

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
    public void Prompt_recognisers_answer_a_megabyte_of_hostile_text(string payload)
    {
        var today = new DateOnly(2026, 11, 26);
        _ = ChoiceRecognizer.Recognize(payload, ["Thôn 2", "Thôn 3"]);
        _ = ConfirmRecognizer.Recognize(payload);
        _ = DateRecognizer.Recognize(payload, today);
        // A megabyte is no phone number or ID number, and a name taken from it is within the limit.
        Assert.False(PhoneRecognizer.Recognize(payload).Succeeded);
        Assert.False(CitizenIdRecognizer.Recognize(payload).Succeeded);
        if (PersonName.TryNormalize(payload, out var name, out _))
        {
            Assert.InRange(name.Length, 1, PersonName.MaxLength);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void What_reads_a_cut_message_answers(string payload)
    {
        // The channels cut every message to 2,000 characters before these read it.
        var cut = payload[..2000];
        Assert.NotNull(ShippedKnowledge.Understanding.Understand(cut));
        Assert.InRange(Masking.NumbersIn(cut).Length, 1, cut.Length);
        _ = StaffStatisticsDialog.TryReadPeriod(cut, new DateOnly(2026, 11, 26), out _, out _);
    }

    [Fact]
    public void Every_expression_on_peoples_text_runs_in_linear_time_or_with_a_timeout()
    {
        var expressions = new[] { typeof(ChoiceRecognizer).Assembly, typeof(PersonName).Assembly, typeof(Knowledge.Procedures.ProcedureCatalog).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !ConfigurationOnly.ContainsKey(type.Name))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(method => method.ReturnType == typeof(Regex) && method.GetParameters().Length == 0 && !method.ContainsGenericParameters)
                .Select(method => (Where: $"{type.Name}.{method.Name}", Regex: (Regex)method.Invoke(null, null)!)))
            .ToList();

        Assert.Contains(expressions, e => e.Where.StartsWith("DateRecognizer.", StringComparison.Ordinal));
        Assert.All(ConfigurationOnly.Keys, name => Assert.Contains(typeof(PersonName).Assembly.GetTypes(), type => type.Name == name));
        Assert.Empty(expressions
            .Where(e => !e.Regex.Options.HasFlag(RegexOptions.NonBacktracking) && e.Regex.MatchTimeout == Regex.InfiniteMatchTimeout)
            .Select(e => e.Where));
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();
}
