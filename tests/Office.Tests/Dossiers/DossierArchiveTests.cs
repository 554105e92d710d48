using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Tests.Storage.PostgreSql;

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
    public async Task An_import_batch_goes_in_whole_with_one_audit_entry_found_by_each_code()
    {
        var at = Time.GetUtcNow();

        var inserted = (await Archive.InsertImportedAsync(
            [Row("000.32.30.H49-261120-0001"), Row("000.32.30.H49-261120-0002", DossierStatus.ResultReturned)],
            "api",
            at));

        Assert.Equal([true, true], inserted);
        var first = (await Store.FindAsync("261120-0001"))!;
        Assert.Equal((DossierStatus.Received, Received, new DateOnly(2026, 11, 25)), (first.Status, first.ReceivedAt!.Value, first.DueDate!.Value));
        Assert.Equal("nhập", first.History[0].Note);
        var returned = (await Store.FindAsync("261120-0002"))!;
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
    public async Task Taken_codes_stay_out_of_the_batch_and_its_audit_and_the_rest_goes_in()
    {
        var filed = await Store.ReceiveAsync(DossierStoreContract<TEngine>.Request(), "Chị Lan");

        var inserted = (await Archive.InsertImportedAsync(
            [Row("000.32.30.H49-261120-0001"), Row(filed.Code, DossierStatus.Rejected), Row("000.32.30.H49-261120-0001")],
            "api",
            Time.GetUtcNow()));

        Assert.Equal([true, false, false], inserted);
        Assert.Equal(DossierStatus.Received, (await Store.FindAsync(filed.Code))!.Status);
        Assert.Equal(["dossier.create"], Audit.ForTarget(filed.Code).Select(a => a.Action));
        Assert.Equal(["000.32.30.H49-261120-0001"], Audit.Recent(1).Single().Targets!);
        Assert.Equal([false], (await Archive.InsertImportedAsync([Row("000.32.30.H49-261120-0001")], "api", Time.GetUtcNow())));
        Assert.Equal(2, Audit.Recent(10).Count);
        Assert.Empty(await Archive.InsertImportedAsync([], "api", Time.GetUtcNow()));
    }

    [Fact]
    public async Task Dossiers_filed_and_changed_in_the_past_carry_those_times_and_their_codes_and_audit_follow()
    {
        var monday = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(7));

        var received = await Archive.FileAtAsync(DossierStoreContract<TEngine>.Request(workingDays: 3), "Chị Lan", monday);
        var ready = (await Archive.ChangeStatusAtAsync(received.Code, DossierStatus.ResultReady, "Chị Lan", "Đến nhận.", monday.AddDays(2)))!;
        var preRegistered = await Archive.FileAtAsync(DossierStoreContract<TEngine>.Request(), null, monday.AddHours(1));

        Assert.Equal(("000.32.30.H49-261102-0001", monday, new DateOnly(2026, 11, 5)), (received.Code, received.ReceivedAt!.Value, received.DueDate!.Value));
        Assert.Equal(monday.AddDays(2), ready.History[^1].At);
        Assert.Equal(monday.AddDays(2), ready.ResolvedAt);
        Assert.Equal(("000.32.30.H49-261102-0002", DossierStatus.PreRegistered), (preRegistered.Code, preRegistered.Status));
        Assert.Equal([(monday, "dossier.create"), (monday.AddDays(2), "dossier.status")], Audit.ForTarget(received.Code).Select(a => (a.At, a.Action)));
        Assert.Empty(Audit.ForTarget(preRegistered.Code));
        Assert.Null(await Archive.ChangeStatusAtAsync("261102-0099", DossierStatus.ResultReady, "Chị Lan", null, monday));
    }

    [Fact]
    public async Task Work_that_fails_halfway_leaves_nothing_of_its_writes()
    {
        Assert.True(await Archive.IsEmptyAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Archive.AllOrNothingAsync<int>(async ct =>
        {
            var filed = await Archive.FileAtAsync(DossierStoreContract<TEngine>.Request(), "Chị Lan", Time.GetUtcNow().AddDays(-3), ct);
            await Archive.InsertImportedAsync([Row("000.32.30.H49-261120-0001")], "api", Time.GetUtcNow(), ct);
            await Archive.ChangeStatusAtAsync(filed.Code, DossierStatus.ResultReady, "Chị Lan", null, Time.GetUtcNow(), ct);
            throw new InvalidOperationException("halfway");
        }));

        Assert.True(await Archive.IsEmptyAsync());
        Assert.Empty(Audit.Recent(10));
        Assert.Equal(3, await Archive.AllOrNothingAsync(async ct => (await Archive.InsertImportedAsync([Row("000.32.30.H49-261120-0001")], "api", Time.GetUtcNow(), ct)).Count + 2));
        Assert.False(await Archive.IsEmptyAsync());
    }
}

public sealed class DossierArchiveTests : DossierArchiveContract<LiteDbOffice>;

public sealed class PostgresDossierArchiveTests : DossierArchiveContract<PostgresOffice>;
