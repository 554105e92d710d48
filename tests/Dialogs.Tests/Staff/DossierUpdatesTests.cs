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

    private Dossier File() => harness.Get<DossierStore>().Receive(
        new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0 }, "desk");

    [Fact]
    public void Every_observer_hears_of_a_change_inside_its_transaction()
    {
        var dossier = File();
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var updates = new DossierUpdates(harness.Get<OfficeDatabase>(), harness.Get<DossierStore>(), [first, second], harness.Get<IProcedureObligations>());

        var changed = updates.ChangeStatus(dossier.Code.ToLowerInvariant(), DossierStatus.ResultReady, "Cán bộ Hoa", "Xong rồi");

        Assert.NotNull(changed);
        foreach (var observer in new[] { first, second })
        {
            var (seen, change) = Assert.Single(observer.Seen);
            Assert.Equal(dossier.Code, seen.Code);
            Assert.Equal(DossierStatus.ResultReady, change.Status);
            Assert.Equal("Cán bộ Hoa", change.Actor);
            Assert.Equal("Xong rồi", change.Note);
        }
        Assert.Equal(DossierStatus.ResultReady, harness.Get<DossierStore>().Find(dossier.Code)!.Status);
    }

    [Fact]
    public void A_change_and_its_notification_commit_together_or_not_at_all()
    {
        var dossier = harness.Get<DossierStore>().PreRegister(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0,
            Owner = new ChatAddress("webchat", "u1", "c1"),
        });
        var notifier = harness.Get<IEnumerable<IDossierStatusObserver>>().ToList();
        var outbox = harness.Get<Outbox>();
        var pendingBefore = outbox.Due(DateTimeOffset.MaxValue, 100).Count;

        // The notification is queued, then the next observer fails as a crash would: neither stays.
        var failing = new DossierUpdates(harness.Get<OfficeDatabase>(), harness.Get<DossierStore>(), [.. notifier, new FailingObserver()], harness.Get<IProcedureObligations>());
        Assert.Throws<InvalidOperationException>(() => failing.ChangeStatus(dossier.Code, DossierStatus.Received, "Cán bộ Hoa", null));
        Assert.Equal(DossierStatus.PreRegistered, harness.Get<DossierStore>().Find(dossier.Code)!.Status);
        Assert.Equal(pendingBefore, outbox.Due(DateTimeOffset.MaxValue, 100).Count);

        harness.Get<DossierUpdates>().ChangeStatus(dossier.Code, DossierStatus.Received, "Cán bộ Hoa", null);
        Assert.Equal(DossierStatus.Received, harness.Get<DossierStore>().Find(dossier.Code)!.Status);
        var queued = Assert.Single(outbox.Due(DateTimeOffset.MaxValue, 100).Skip(pendingBefore));
        Assert.Contains(dossier.Code, queued.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_changes_nothing_and_tells_no_one()
    {
        var observer = new RecordingObserver();
        var updates = new DossierUpdates(harness.Get<OfficeDatabase>(), harness.Get<DossierStore>(), [observer], harness.Get<IProcedureObligations>());

        Assert.Null(updates.ChangeStatus("261126-0999", DossierStatus.ResultReady, "Cán bộ Hoa", null));
        Assert.Empty(observer.Seen);
    }
}
