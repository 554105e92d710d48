using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Sync;
using OneStopBot.Office.Tests.Dossiers;

namespace OneStopBot.Office.Tests.Sync;

/// <summary>
/// The provincial export, previewed line by line with the import's checks and then applied all at once: new dossiers,
/// status changes under the office's rules (residents told), refusals with their reasons, and the reconciliation.
/// </summary>
public sealed class ProvincialSyncTests : IDisposable
{
    private const string Staff = "Chị Lan";
    private const string Note = "Nhập từ hệ thống của tỉnh";

    private readonly ObservedChanges observed = new();
    private readonly TestOffice office;

    public ProvincialSyncTests() => office = new TestOffice(services: s => s.AddSingleton<IDossierStatusObserver>(observed));

    private ProvincialSync Sync => office.Get<ProvincialSync>();

    private DossierDesk Store => office.Get<DossierDesk>();

    private static ImportTable Csv(string text) => ImportTable.ReadCsv(new StringReader(text));

    // Header without diacritics and in another order than the import's own example.
    private string Export(params (string Code, string Status)[] lines) =>
        "Trang thai;Ma ho so;Ho ten;So dien thoai;Thon;Thu tuc;Ngay tiep nhan\n"
        + string.Concat(lines.Select(l => $"{l.Status};{l.Code};Hồ Thị Lan;0912345678;Thôn 1;khai-sinh;26/11/2026 08:00\n"));

    [Fact]
    public async Task The_preview_tells_each_line_s_change_and_stores_nothing()
    {
        var resident = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")));
        var atDesk = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345622"), Staff);
        var same = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345623"), Staff);
        var jump = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345624"), Staff);
        var csv = Export(
            (resident.Code, "Đã tiếp nhận"),
            (atDesk.Code, "dang xu ly"),
            (same.Code, "ĐÃ TIẾP NHẬN"),
            (jump.Code, "Đã trả kết quả"),
            ("261120-0009", "Đang giải quyết"),
            ("261120-0010", "Bay lên trời"),
            ("261120-0009", "Đang giải quyết"));

        var plan = await Sync.PreviewAsync(Csv(csv), Staff, Note);

        Assert.Null(plan.HeaderProblem);
        Assert.Equal(
            [
                (2, SyncChangeKind.StatusChange), (3, SyncChangeKind.StatusChange), (4, SyncChangeKind.Unchanged),
                (5, SyncChangeKind.Refused), (6, SyncChangeKind.New), (7, SyncChangeKind.Refused), (8, SyncChangeKind.Refused),
            ],
            plan.Lines.Select(l => (l.Line, l.Kind)));
        Assert.Equal([true, false], plan.Of(SyncChangeKind.StatusChange).Select(l => l.NotifiesResident));
        Assert.Equal((DossierStatus.PreRegistered, DossierStatus.Received), (plan.Lines[0].From, plan.Lines[0].To));
        Assert.Equal(StatusRefusalKind.NotAllowed, plan.Lines[3].Refusal!.Kind);
        Assert.Equal(DossierImportProblem.UnknownStatus, plan.Lines[5].Reason!.Problem);
        Assert.Equal(DossierImportProblem.CodeTaken, plan.Lines[6].Reason!.Problem);
        Assert.Equal(("khai-sinh", "Thôn 1"), (plan.Lines[4].ProcedureId, plan.Lines[4].Village));

        Assert.Equal(DossierStatus.PreRegistered, (await Store.FindAsync(resident.Code))!.Status);
        Assert.Null(await Store.FindAsync("261120-0009"));
        Assert.Empty(observed.Changes);
        Assert.Null(Sync.LastExport());
    }

    [Fact]
    public async Task Applying_files_new_dossiers_changes_statuses_tells_residents_and_a_second_time_changes_nothing()
    {
        var resident = await Store.PreRegisterAsync(DossierStoreTests.Request(owner: DossierStoreTests.Owner("u1")));
        var atDesk = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345622"), Staff);
        var csv = Export((resident.Code, "Đã tiếp nhận"), (atDesk.Code, "Đã có kết quả"), ("261120-0009", "Đang giải quyết"));

        var applied = await Sync.ApplyAsync(Csv(csv), Staff, Note);

        Assert.Equal((1, 2, 0), (applied.Count(SyncChangeKind.New), applied.Count(SyncChangeKind.StatusChange), applied.Count(SyncChangeKind.Refused)));
        Assert.Equal(DossierStatus.Received, (await Store.FindAsync(resident.Code))!.Status);
        Assert.Equal(DossierStatus.ResultReady, (await Store.FindAsync(atDesk.Code))!.Status);
        var filed = (await Store.FindAsync("261120-0009"))!;
        Assert.Equal((DossierStatus.InProgress, Note), (filed.Status, filed.History[0].Note));
        Assert.Equal([resident.Code, atDesk.Code], observed.Changes.Select(c => c.Code));
        Assert.Equal(Staff, (await Store.FindAsync(atDesk.Code))!.History[^1].Actor);
        Assert.Equal((Staff, 3), (Sync.LastExport()!.Staff, Sync.LastExport()!.Lines));

        var again = await Sync.ApplyAsync(Csv(csv), Staff, Note);

        Assert.Equal(3, again.Count(SyncChangeKind.Unchanged));
        Assert.Equal(2, observed.Changes.Count);
    }

    [Fact]
    public async Task A_known_dossier_needs_only_its_code_and_status_from_the_line()
    {
        var known = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345622"), Staff);
        var csv = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n"
            + $"{known.Code};khai-sinh;;;Làng Mới;Đang giải quyết;\n"
            + "261120-0009;khai-sinh;;;Làng Mới;Đang giải quyết;\n";

        var applied = await Sync.ApplyAsync(Csv(csv), Staff, Note);

        Assert.Equal([SyncChangeKind.StatusChange, SyncChangeKind.Refused], applied.Lines.Select(l => l.Kind));
        Assert.Equal(DossierImportProblem.BadReceivedDate, applied.Lines[1].Reason!.Problem);
        Assert.Equal(DossierStatus.InProgress, (await Store.FindAsync(known.Code))!.Status);
        Assert.Null(await Store.FindAsync("261120-0009"));
    }

    [Fact]
    public async Task A_status_that_needs_a_note_takes_it_from_the_file_s_note_column()
    {
        var first = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345622"), Staff);
        var second = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345623"), Staff);
        var csv = "Mã hồ sơ,Thủ tục,Họ tên,Số điện thoại,Thôn,Trạng thái,Ngày tiếp nhận,Ghi chú\n"
            + $"{first.Code},khai-sinh,Hồ Thị Lan,0912345678,Thôn 1,Chờ bổ sung,26/11/2026,Thiếu bản sao giấy tờ tùy thân\n"
            + $"{second.Code},khai-sinh,Hồ Thị Lan,0912345678,Thôn 1,Chờ bổ sung,26/11/2026,\n";

        var applied = await Sync.ApplyAsync(Csv(csv), Staff, Note);

        Assert.Equal([SyncChangeKind.StatusChange, SyncChangeKind.Refused], applied.Lines.Select(l => l.Kind));
        Assert.Equal(StatusRefusalKind.NoteRequired, applied.Lines[1].Refusal!.Kind);
        Assert.Equal("Thiếu bản sao giấy tờ tùy thân", (await Store.FindAsync(first.Code))!.History[^1].Note);
        Assert.Equal(DossierStatus.Received, (await Store.FindAsync(second.Code))!.Status);
    }

    [Fact]
    public async Task A_workbook_is_read_as_its_csv_with_dates_and_numbers_from_cells()
    {
        var known = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345622"), Staff);
        var rows = new[]
        {
            new Dictionary<string, object> { ["Mã hồ sơ"] = known.Code, ["Trạng thái"] = "Đang giải quyết", ["Thủ tục"] = "khai-sinh", ["Họ tên"] = "Hồ Thị Lan", ["Số điện thoại"] = "0912345678", ["Thôn"] = "Thôn 1", ["Ngày tiếp nhận"] = new DateTime(2026, 11, 26, 8, 0, 0) },
            new Dictionary<string, object> { ["Mã hồ sơ"] = "261120-0009", ["Trạng thái"] = "Đã tiếp nhận", ["Thủ tục"] = "khai-sinh", ["Họ tên"] = "Hồ Thị Lan", ["Số điện thoại"] = "0912345678", ["Thôn"] = "Thôn 1", ["Ngày tiếp nhận"] = new DateTime(2026, 11, 20) },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);

        var table = ImportTable.ReadFile(stream.ToArray(), out var problem);

        Assert.Null(problem);
        Assert.Equal(["26/11/2026 08:00", "20/11/2026"], table!.Lines.Select(l => l.Cells[6]));
        Assert.Equal([SyncChangeKind.StatusChange, SyncChangeKind.New], (await Sync.PreviewAsync(table, Staff, Note)).Lines.Select(l => l.Kind));
        var received = await Sync.ApplyAsync(table, Staff, Note);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(7)), (await Store.FindAsync("261120-0009"))!.ReceivedAt);
        Assert.Equal(2, received.Lines.Count);
    }

    [Fact]
    public async Task Reconciliation_lists_dossiers_missing_from_the_export_and_results_it_does_not_show()
    {
        var resolved = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345622"), Staff);
        await Store.ChangeStatusAsync(resolved.Code, DossierStatus.ResultReady, Staff, null);
        var inBoth = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345623"), Staff);
        var missing = await Store.ReceiveAsync(DossierStoreTests.Request(phone: "0912345624"), Staff);

        Assert.Equal(0, Sync.Reconcile().MissingTotal);
        Assert.Equal([resolved.Code], Sync.Reconcile().Unsynchronised.Select(d => d.Code));

        await Sync.ApplyAsync(Csv(Export((resolved.Code, "Đang giải quyết"), (inBoth.Code, "Đã tiếp nhận"))), Staff, Note);
        var first = Sync.Reconcile();

        Assert.Equal([missing.Code], first.Missing.Select(d => d.Code));
        Assert.Equal((resolved.Code, DossierStatus.InProgress), (first.Unsynchronised.Single().Code, first.Unsynchronised.Single().ProvincialStatus));
        var month = new DateOnly(2026, 11, 1);
        Assert.Equal(new SynchronisedCount(0, 1), Sync.SynchronisedPerMonth(month, month.AddMonths(1).AddDays(-1))[month]);

        await Sync.ApplyAsync(Csv(Export((resolved.Code, "Đã có kết quả"), (inBoth.Code, "Đã tiếp nhận"), (missing.Code, "Đã tiếp nhận"))), Staff, Note);
        var second = Sync.Reconcile();

        Assert.Equal((0, 0), (second.MissingTotal, second.UnsynchronisedTotal));
        Assert.Equal(new SynchronisedCount(1, 1), Sync.SynchronisedPerMonth(month, month.AddMonths(1).AddDays(-1))[month]);
    }

    [Fact]
    public void An_upload_waits_for_its_sender_only_and_for_an_hour()
    {
        var id = Sync.Keep([1, 2, 3], Staff)!;

        Assert.Null(Sync.Kept(id, "Anh Hùng"));
        Assert.Null(Sync.Kept(id.ToLowerInvariant(), Staff));
        Assert.Null(Sync.Kept("../" + id, Staff));
        Assert.Equal([1, 2, 3], Sync.Kept(id, Staff));

        office.Time.Advance(ProvincialSync.UploadLifetime + TimeSpan.FromMinutes(1));
        Assert.Null(Sync.Kept(id, Staff));
    }

    [Fact]
    public async Task Uploads_waiting_at_once_are_bounded()
    {
        for (var i = 0; i < ProvincialSync.MaxWaitingUploads; i++)
        {
            Assert.NotNull(Sync.Keep([1], Staff));
        }

        Assert.Null(Sync.Keep([1], Staff));
        office.Time.Advance(ProvincialSync.UploadLifetime + TimeSpan.FromMinutes(1));
        Assert.NotNull(Sync.Keep([1], Staff));
    }

    [Fact]
    public async Task A_file_read_only_in_part_is_refused_whole_and_nothing_is_stored()
    {
        var csv = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n"
            + string.Concat(Enumerable.Range(1, ImportTable.MaxRows + 1).Select(i => $"261120-{i:D4};khai-sinh;Hồ Thị Lan;0912345678;Thôn 1;Đã tiếp nhận;20/11/2026\n"));

        var applied = await Sync.ApplyAsync(Csv(csv), Staff, Note);

        Assert.Equal(DossierImportProblem.TooManyRows, applied.HeaderProblem!.Reason!.Problem);
        Assert.Empty(applied.Lines);
        Assert.Null(await Store.FindAsync("261120-0001"));
        Assert.Null(Sync.LastExport());
    }

    public void Dispose() => office.Dispose();

    private sealed class ObservedChanges : IDossierStatusObserver
    {
        public List<(string Code, DossierStatus Status)> Changes { get; } = [];

        public void OnStatusChanged(Dossier dossier, StatusChange change) => Changes.Add((dossier.Code, change.Status));
    }
}
