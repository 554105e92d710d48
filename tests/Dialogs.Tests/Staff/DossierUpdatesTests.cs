using Microsoft.Extensions.Logging.Abstractions;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;

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
        new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn Ta Rê", WorkingDays = 0 }, "desk");

    [Fact]
    public void Every_observer_hears_of_a_change_even_when_one_fails()
    {
        var dossier = File();
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var updates = new DossierUpdates(harness.Get<DossierStore>(), [first, new FailingObserver(), second], harness.Get<IProcedureObligations>(), NullLogger<DossierUpdates>.Instance);

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
    public void An_unknown_code_changes_nothing_and_tells_no_one()
    {
        var observer = new RecordingObserver();
        var updates = new DossierUpdates(harness.Get<DossierStore>(), [observer], harness.Get<IProcedureObligations>(), NullLogger<DossierUpdates>.Instance);

        Assert.Null(updates.ChangeStatus("261126-0999", DossierStatus.ResultReady, "Cán bộ Hoa", null));
        Assert.Empty(observer.Seen);
    }
}
