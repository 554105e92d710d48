using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// Each aspect is answered from its own field of the procedure file — the deadline from <c>deadline</c>, never the
/// processing time — and where the file says nothing, the answer says so and puts "Gặp cán bộ" first.
/// </summary>
public sealed class HonestAspectTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<ProcedureAspect> FieldAspects => [ProcedureAspect.Deadline, ProcedureAspect.Penalty, ProcedureAspect.Proxy, ProcedureAspect.WhoQualifies];

    [Theory]
    [MemberData(nameof(FieldAspects))]
    public void An_aspect_is_answered_from_its_field_or_says_honestly_it_is_not_written(ProcedureAspect aspect)
    {
        foreach (var procedure in harness.Get<ProcedureCatalog>().All)
        {
            var field = aspect switch
            {
                ProcedureAspect.Deadline => procedure.Deadline,
                ProcedureAspect.Penalty => procedure.Penalty,
                ProcedureAspect.Proxy => procedure.Proxy,
                _ => procedure.WhoQualifies ?? procedure.WhoNeedsIt,
            };
            var message = (IMessageActivity)Assert.Single(harness.Get<ProcedureAnswers>().Compose(procedure, aspect));

            Assert.StartsWith(procedure.SimpleName, message.Text, StringComparison.Ordinal);
            Assert.Contains(field ?? ProcedureTexts.NotWritten, message.Text, StringComparison.Ordinal);
            Assert.Equal(field is null, message.SuggestedActions.Actions[0].Title == MainMenu.TalkToStaff);
        }
    }

    [Theory]
    [InlineData("khai-tu", "15 ngày")]
    [InlineData("khai-sinh", "60 ngày")]
    [InlineData("phan-anh-kien-nghi", "90 ngày")]
    public void The_deadline_is_the_files_deadline_not_its_processing_time(string id, string days)
    {
        var procedure = harness.Get<ProcedureCatalog>().Find(id)!;

        var text = ((IMessageActivity)Assert.Single(harness.Get<ProcedureAnswers>().Compose(procedure, ProcedureAspect.Deadline))).Text;

        Assert.Contains(days, text, StringComparison.Ordinal);
        Assert.DoesNotContain(procedure.Time.Text, text, StringComparison.Ordinal);
    }
}
