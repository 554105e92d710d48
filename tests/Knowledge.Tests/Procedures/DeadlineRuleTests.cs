using System.Globalization;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Knowledge.Tests.Procedures;

/// <summary>The time limits the bot counts with: as the law sets them in the shipped files, and refused when malformed.</summary>
public sealed class DeadlineRuleTests
{
    private const string Deadline = "whereAndWhen: UBND xã.\ndeadline: Trong 60 ngày.\n";

    public static TheoryData<string, DeadlineRule> Shipped => new()
    {
        { "khai-sinh", new DeadlineRule(DeadlineEvent.Birth, 60, null, null, AfterDeadline.LateFee) },
        { "khai-tu", new DeadlineRule(DeadlineEvent.Death, 15, null, null, AfterDeadline.LateFee) },
        { "phan-anh-kien-nghi", new DeadlineRule(DeadlineEvent.DecisionKnown, 90, null, null, AfterDeadline.Nothing) },
        { "nghia-vu-quan-su", new DeadlineRule(DeadlineEvent.SonBirth, null, 17, 4, AfterDeadline.Nothing) },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void The_shipped_files_state_the_limits_the_law_sets(string id, DeadlineRule rule)
    {
        var procedure = ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath).Find(id)!;
        Assert.Equal(rule, procedure.DeadlineRule);
        Assert.NotNull(procedure.Deadline);
    }

    [Fact]
    public void Only_the_procedures_with_a_legal_limit_have_a_rule() =>
        Assert.Equal(
            ["khai-sinh", "khai-tu", "nghia-vu-quan-su", "phan-anh-kien-nghi"],
            ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath).All.Where(p => p.DeadlineRule is not null).Select(p => p.Id).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("2026-10-02", 60, "2026-10-02", "2026-12-01")]
    [InlineData("2027-12-31", 60, "2027-12-31", "2028-02-29")]
    [InlineData("2026-01-31", 15, "2026-01-31", "2026-02-15")]
    public void Days_are_calendar_days_after_the_event(string eventDay, int days, string first, string last) =>
        Assert.Equal((DateOnly.Parse(first, CultureInfo.InvariantCulture), DateOnly.Parse(last, CultureInfo.InvariantCulture)), new DeadlineRule(DeadlineEvent.Birth, days, null, null, AfterDeadline.LateFee).For(DateOnly.Parse(eventDay, CultureInfo.InvariantCulture)));

    [Fact]
    public void A_month_of_the_year_of_an_age_is_that_whole_month_even_for_a_leap_day_birth() =>
        Assert.Equal((new DateOnly(2045, 4, 1), new DateOnly(2045, 4, 30)), new DeadlineRule(DeadlineEvent.SonBirth, null, 17, 4, AfterDeadline.Nothing).For(new DateOnly(2028, 2, 29)));

    [Theory]
    [InlineData("deadlineRule: { from: birth, days: 60, after: lateFee }\n", "deadline", "in words")]
    [InlineData(Deadline + "deadlineRule: { from: wedding, days: 60, after: lateFee }\n", "deadlineRule.from", "'wedding'")]
    [InlineData(Deadline + "deadlineRule: { days: 60, after: lateFee }\n", "deadlineRule.from", "required")]
    [InlineData(Deadline + "deadlineRule: { from: birth, days: 60, after: jail }\n", "deadlineRule.after", "'jail'")]
    [InlineData(Deadline + "deadlineRule: { from: birth, days: 0, after: lateFee }\n", "deadlineRule.days", "from 1")]
    [InlineData(Deadline + "deadlineRule: { from: birth, days: 60, month: 4, after: lateFee }\n", "deadlineRule", "either")]
    [InlineData(Deadline + "deadlineRule: { from: sonBirth, inYearOfAge: 17, month: 13, after: nothing }\n", "deadlineRule", "month from 1 to 12")]
    [InlineData(Deadline + "deadlineRule: { from: sonBirth, inYearOfAge: 17, after: nothing }\n", "deadlineRule", "either")]
    public void A_broken_rule_names_the_field_and_the_reason(string with, string field, string reason)
    {
        var content = ProcedureFiles.Valid("p", "một cách gọi").Replace("whereAndWhen: UBND xã.\n", "whereAndWhen: UBND xã.\n" + with);
        using var files = new ProcedureFiles().Add("p.yaml", content);

        var error = Assert.Throws<ProcedureCatalogException>(() => ProcedureCatalog.Load(files.Directory));

        Assert.Equal(("p.yaml", field), (error.File, error.Field));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
