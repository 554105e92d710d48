using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Dialogs.Tests.Staff;

public sealed class DossierUpdatesTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private sealed class RecordingObserver : IDossierStatusObserver
    {
        public List<(Dossier Dossier, StatusChange Change)> Seen { get; } = [];

        public void OnStatusChanged(Dossier dossier, StatusChange change) => Seen.Add((dossier, change));
    }

    private sealed class FailingObserver : IDossierStatusObserver
    {
        public void OnStatusChanged(Dossier dossier, StatusChange change) => throw new InvalidOperationException("channel down");
    }

    private Task<Dossier> FileAsync() => harness.Get<DossierDesk>().ReceiveAsync(
        new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0 }, "desk");

    [Fact]
    public async Task Every_observer_hears_of_a_change_inside_its_transaction()
    {
        var dossier = await FileAsync();
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var updates = new DossierUpdates(harness.Get<IUnitOfWork>(), harness.Get<DossierDesk>(), [first, second], harness.Get<IProcedureObligations>());

        var changed = await updates.ChangeStatusAsync(dossier.Code.ToLowerInvariant(), DossierStatus.ResultReady, "Cán bộ Hoa", "Xong rồi");

        Assert.NotNull(changed);
        foreach (var observer in new[] { first, second })
        {
            var (seen, change) = Assert.Single(observer.Seen);
            Assert.Equal(dossier.Code, seen.Code);
            Assert.Equal(DossierStatus.ResultReady, change.Status);
            Assert.Equal("Cán bộ Hoa", change.Actor);
            Assert.Equal("Xong rồi", change.Note);
        }
        Assert.Equal(DossierStatus.ResultReady, (await harness.Get<DossierDesk>().FindAsync(dossier.Code))!.Status);
    }

    [Fact]
    public async Task A_change_and_its_notification_commit_together_or_not_at_all()
    {
        var dossier = (await harness.Get<DossierDesk>().PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0,
            Owner = new ChatAddress("webchat", "u1", "c1"),
        }));
        var notifier = harness.Get<IEnumerable<IDossierStatusObserver>>().ToList();
        var outbox = harness.Get<Outbox>();
        var pendingBefore = outbox.Due(DateTimeOffset.MaxValue, 100).Count;

        // The notification is queued, then the next observer fails as a crash would: neither stays.
        var failing = new DossierUpdates(harness.Get<IUnitOfWork>(), harness.Get<DossierDesk>(), [.. notifier, new FailingObserver()], harness.Get<IProcedureObligations>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.ChangeStatusAsync(dossier.Code, DossierStatus.Received, "Cán bộ Hoa", null));
        Assert.Equal(DossierStatus.PreRegistered, (await harness.Get<DossierDesk>().FindAsync(dossier.Code))!.Status);
        Assert.Equal(pendingBefore, outbox.Due(DateTimeOffset.MaxValue, 100).Count);

        await harness.Get<DossierUpdates>().ChangeStatusAsync(dossier.Code, DossierStatus.Received, "Cán bộ Hoa", null);
        Assert.Equal(DossierStatus.Received, (await harness.Get<DossierDesk>().FindAsync(dossier.Code))!.Status);
        var queued = Assert.Single(outbox.Due(DateTimeOffset.MaxValue, 100).Skip(pendingBefore));
        Assert.Contains(dossier.Code, queued.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_changes_nothing_and_tells_no_one()
    {
        var observer = new RecordingObserver();
        var updates = new DossierUpdates(harness.Get<IUnitOfWork>(), harness.Get<DossierDesk>(), [observer], harness.Get<IProcedureObligations>());

        Assert.Null(await updates.ChangeStatusAsync("261126-0999", DossierStatus.ResultReady, "Cán bộ Hoa", null));
        Assert.Empty(observer.Seen);
    }
}
