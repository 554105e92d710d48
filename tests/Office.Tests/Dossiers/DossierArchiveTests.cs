using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;

namespace OneStopBot.Office.Tests.Dossiers;

/// <summary>What every storage engine's archive (imports, seeding in the past) must do; <see cref="DossierArchiveTests"/> runs it on LiteDB.</summary>
public abstract class DossierArchiveContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private IDossierArchive Archive => Get<IDossierArchive>();

    private IDossierStore Store => Get<IDossierStore>();

    private IStaffAuditLog Audit => Get<IStaffAuditLog>();

    private static readonly DateTimeOffset Received = new(2026, 11, 20, 8, 15, 0, TimeSpan.FromHours(7));

    private static ImportedDossier Row(string code, params DossierStatus[] later) => new(
        new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Alăng Thị Hoa", Phone = "0912345621", Village = "Thôn 2", WorkingDays = 3 },
        code,
        [
            new StatusChange { At = Received, Status = DossierStatus.Received, Actor = "api", Note = "nhập" },
            .. later.Select(status => new StatusChange { At = Received.AddDays(1), Status = status, Actor = "api" }),
        ]);

    [Fact]
    public void An_import_batch_goes_in_whole_with_one_audit_entry_found_by_each_code()
    {
        var at = Time.GetUtcNow();

        var inserted = Archive.InsertImported(
            [Row("000.32.30.H49-261120-0001"), Row("000.32.30.H49-261120-0002", DossierStatus.ResultReturned)],
            "api",
            at);

        Assert.Equal([true, true], inserted);
        var first = Store.Find("261120-0001")!;
        Assert.Equal((DossierStatus.Received, Received, new DateOnly(2026, 11, 25)), (first.Status, first.ReceivedAt!.Value, first.DueDate!.Value));
        Assert.Equal("nhập", first.History[0].Note);
        var returned = Store.Find("261120-0002")!;
        Assert.Equal((DossierStatus.ResultReturned, Received.AddDays(1)), (returned.Status, returned.ReturnedAt!.Value));
        var entry = Assert.Single(Audit.Recent(10));
        Assert.Equal(("api", "dossier.import", at), (entry.Staff, entry.Action, entry.At));
        Assert.Equal(["000.32.30.H49-261120-0001", "000.32.30.H49-261120-0002"], entry.Targets!);
        foreach (var code in entry.Targets!)
        {
            var found = Assert.Single(Audit.ForTarget(code));
            Assert.Equal((entry.Id, "dossier.import", code), (found.Id, found.Action, found.Target));
        }
    }

    [Fact]
    public void Taken_codes_stay_out_of_the_batch_and_its_audit_and_the_rest_goes_in()
    {
        var filed = Store.Receive(DossierStoreContract<TEngine>.Request(), "Chị Lan");

        var inserted = Archive.InsertImported(
            [Row("000.32.30.H49-261120-0001"), Row(filed.Code, DossierStatus.Rejected), Row("000.32.30.H49-261120-0001")],
            "api",
            Time.GetUtcNow());

        Assert.Equal([true, false, false], inserted);
        Assert.Equal(DossierStatus.Received, Store.Find(filed.Code)!.Status);
        Assert.Equal(["dossier.create"], Audit.ForTarget(filed.Code).Select(a => a.Action));
        Assert.Equal(["000.32.30.H49-261120-0001"], Audit.Recent(1).Single().Targets!);
        Assert.Equal([false], Archive.InsertImported([Row("000.32.30.H49-261120-0001")], "api", Time.GetUtcNow()));
        Assert.Equal(2, Audit.Recent(10).Count);
        Assert.Empty(Archive.InsertImported([], "api", Time.GetUtcNow()));
    }

    [Fact]
    public void Dossiers_filed_and_changed_in_the_past_carry_those_times_and_their_codes_and_audit_follow()
    {
        var monday = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(7));

        var received = Archive.FileAt(DossierStoreContract<TEngine>.Request(workingDays: 3), "Chị Lan", monday);
        var ready = Archive.ChangeStatusAt(received.Code, DossierStatus.ResultReady, "Chị Lan", "Đến nhận.", monday.AddDays(2))!;
        var preRegistered = Archive.FileAt(DossierStoreContract<TEngine>.Request(), null, monday.AddHours(1));

        Assert.Equal(("000.32.30.H49-261102-0001", monday, new DateOnly(2026, 11, 5)), (received.Code, received.ReceivedAt!.Value, received.DueDate!.Value));
        Assert.Equal(monday.AddDays(2), ready.History[^1].At);
        Assert.Equal(monday.AddDays(2), ready.ResolvedAt);
        Assert.Equal(("000.32.30.H49-261102-0002", DossierStatus.PreRegistered), (preRegistered.Code, preRegistered.Status));
        Assert.Equal([(monday, "dossier.create"), (monday.AddDays(2), "dossier.status")], Audit.ForTarget(received.Code).Select(a => (a.At, a.Action)));
        Assert.Empty(Audit.ForTarget(preRegistered.Code));
        Assert.Null(Archive.ChangeStatusAt("261102-0099", DossierStatus.ResultReady, "Chị Lan", null, monday));
    }

    [Fact]
    public void Work_that_fails_halfway_leaves_nothing_of_its_writes()
    {
        Assert.True(Archive.IsEmpty);

        Assert.Throws<InvalidOperationException>(() => Archive.AllOrNothing<int>(() =>
        {
            var filed = Archive.FileAt(DossierStoreContract<TEngine>.Request(), "Chị Lan", Time.GetUtcNow().AddDays(-3));
            Archive.InsertImported([Row("000.32.30.H49-261120-0001")], "api", Time.GetUtcNow());
            Archive.ChangeStatusAt(filed.Code, DossierStatus.ResultReady, "Chị Lan", null, Time.GetUtcNow());
            throw new InvalidOperationException("halfway");
        }));

        Assert.True(Archive.IsEmpty);
        Assert.Empty(Audit.Recent(10));
        Assert.Equal(3, Archive.AllOrNothing(() => Archive.InsertImported([Row("000.32.30.H49-261120-0001")], "api", Time.GetUtcNow()).Count + 2));
        Assert.False(Archive.IsEmpty);
    }
}

public sealed class DossierArchiveTests : DossierArchiveContract<LiteDbOffice>;
