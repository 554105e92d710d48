using Microsoft.Bot.Schema;
using OneStopBot.Office;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Notices;

/// <summary>
/// A notice or status reply that sends the resident somewhere names the procedure's own receiver, its place and its
/// hours: Công an xã's for residence, the military command's for military service, the one-stop desk's for the rest.
/// </summary>
public sealed class ReceiverPlaceTests : IDisposable
{
    private const string DeskHours = "Sáng 7:30–11:30, thứ Hai đến thứ Sáu";

    // Each receiver with hours of its own, so that a message showing another's hours fails.
    private readonly ConversationHarness harness = new(settings: new Dictionary<string, string?>
    {
        ["Office:WorkingHours"] = DeskHours,
        ["Office:Handlers:communePolice:Hours"] = "Sáng 7:00–11:00, thứ Hai đến thứ Bảy",
        ["Office:Handlers:communeMilitary:Hours"] = "Chiều 14:00–16:30, thứ Ba và thứ Năm",
    });

    public void Dispose() => harness.Dispose();

    private async Task<string> FileAsync(string procedureId) =>
        (await harness.Get<DossierDesk>().ReceiveAsync(new NewDossier
        {
            ProcedureId = procedureId,
            ApplicantName = "Hồ Thị Lan",
            Phone = "0912345621",
            Village = "Thôn 2",
            Owner = harness.Adapter.Conversation.ToChatAddress(),
        }, "Cán bộ A")).Code;

    /// <summary>A change made as staff make it, which tells the resident.</summary>
    private async Task NotifyAsync(string code, DossierStatus status) =>
        Assert.NotNull(await harness.Get<DossierUpdates>().ChangeStatusAsync(code, status, "Cán bộ A", null));

    private (string Place, string Hours) Receiver(string key) =>
        key == "desk"
            ? (harness.Office.OfficeName, harness.Office.WorkingHours)
            : (char.ToUpperInvariant(harness.Office.Handlers[key].Place[0]) + harness.Office.Handlers[key].Place[1..], harness.Office.Handlers[key].Hours);

    [Theory]
    [InlineData("khai-sinh", "desk")]
    [InlineData("tam-tru", "communePolice")]
    [InlineData("nghia-vu-quan-su", "communeMilitary")]
    public async Task The_result_ready_notice_and_status_reply_name_the_procedures_own_receiver_and_hours(string procedureId, string receiver)
    {
        var code = await FileAsync(procedureId);
        await NotifyAsync(code, DossierStatus.ResultReady);
        var (place, hours) = Receiver(receiver);
        var visit = TextTemplate.Fill(Receivers.VisitLine, place, hours);

        var notice = harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 10).Single(d => d.Kind == DeliveryKind.StatusChange).Text;
        var reply = string.Join('\n', (await harness.SayAsync("tra cứu hồ sơ " + code)).Select(m => harness.Plain(m.Text)));

        Assert.Contains(visit, notice, StringComparison.Ordinal);
        Assert.Contains(visit, reply, StringComparison.Ordinal);
        if (receiver != "desk")
        {
            Assert.DoesNotContain(DeskHours, notice, StringComparison.Ordinal);
            Assert.DoesNotContain(DeskHours, reply, StringComparison.Ordinal);
            Assert.DoesNotContain("bộ phận một cửa", notice, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(DossierStatus.InProgress)]
    [InlineData(DossierStatus.ResultReturned)]
    public async Task A_status_that_needs_no_visit_names_no_place(DossierStatus status)
    {
        var code = await FileAsync("tam-tru");
        if (status == DossierStatus.ResultReturned)
        {
            await harness.Get<DossierDesk>().ChangeStatusAsync(code, DossierStatus.ResultReady, "Cán bộ A", null);
        }
        await NotifyAsync(code, status);

        var notice = harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 10).Single(d => d.To.UserId == harness.Adapter.Conversation.User.Id).Text;

        Assert.DoesNotContain("Nơi đến", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_procedure_whose_receiver_is_not_confirmed_gets_no_place_rather_than_the_desks()
    {
        var code = await FileAsync("cap-so-do");
        await NotifyAsync(code, DossierStatus.ResultReady);

        var notice = harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 10).Single().Text;

        Assert.DoesNotContain("Nơi đến", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(DeskHours, notice, StringComparison.Ordinal);
    }
}
