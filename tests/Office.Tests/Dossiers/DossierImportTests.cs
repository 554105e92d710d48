using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;

namespace OneStopBot.Office.Tests.Dossiers;

public sealed class DossierImportTests : IDisposable
{
    private readonly TestOffice office = new();

    private const string Note = "Nhập từ hệ thống của tỉnh";

    private async Task<DossierImportReport> ImportAsync(string csv) => await office.Get<DossierImport>().ImportAsync(new StringReader(csv), "api", Note);

    [Fact]
    public async Task Good_rows_are_imported_and_each_bad_row_is_reported_with_its_reason()
    {
        const string csv = """
            code,procedure,name,phone,village,status,received date
            000.32.30.H49-261120-0001,khai-sinh,Alăng Thị Hoa,0912345621,Thôn 2,received,20/11/2026 08:15
            261120-0002,chung-thuc-ban-sao,Bríu Văn Hùng,0912,Thôn 3,inProgress,20/11/2026
            not-a-code,khai-tu,Zơrâm Thị Nga,0987654321,Thôn 5,received,21/11/2026
            261120-0003,ket-hon,Clâu Văn Dũng,0987654321,Thôn 5,finished,21/11/2026
            261120-0004,ket-hon,Clâu Văn Dũng,0987654321,Thôn 5,received,31/12/2026
            261120-0005,ket-hon,Clâu Văn Dũng,0987654321,Thôn Mới,received,21/11/2026
            261120-0006,thuong-tru,"Riah Thị "Mai",0987654321,Thôn 6,received,21/11/2026
            000.32.30.H49-261120-0001,khai-sinh,Alăng Thị Hoa,0912345621,Thôn 2,received,20/11/2026
            261124-0001,thuong-tru,Ating Văn Bốp,0351234567,Thôn 4,resultReady,2026-11-24 10:00
            """;

        var report = await ImportAsync(csv);

        Assert.Equal(
            [(2, true), (3, false), (4, false), (5, false), (6, false), (7, false), (8, false), (9, false), (10, true)],
            report.Rows.Select(r => (r.Line, r.Imported)));
        Assert.Equal((2, 7), (report.Imported, report.Rejected));
        Assert.Equal(
            [
                DossierImportProblem.InvalidDossier, DossierImportProblem.BadCode, DossierImportProblem.UnknownStatus,
                DossierImportProblem.ReceivedInFuture, DossierImportProblem.InvalidDossier, DossierImportProblem.MalformedRow,
                DossierImportProblem.CodeTaken,
            ],
            report.Rows.Where(r => !r.Imported).Select(r => r.Reason!.Problem));
        Assert.Equal(DossierProblem.InvalidPhone, Assert.Single(report.Rows[1].Reason!.FieldErrors!).Problem);
        Assert.Equal(DossierProblem.UnknownVillage, Assert.Single(report.Rows[5].Reason!.FieldErrors!).Problem);
        Assert.Equal(["000.32.30.H49-261120-0012", "not-a-code"], report.Rows[2].Reason!.Arguments);
        Assert.Equal(["31/12/2026"], report.Rows[4].Reason!.Arguments);
        Assert.Equal(["finished"], report.Rows[3].Reason!.Arguments);

        var store = office.Get<DossierDesk>();
        Assert.Null(await store.FindAsync("261120-0002"));
        var first = (await store.FindAsync("261120-0001"))!;
        Assert.Equal((DossierStatus.Received, Submission.InPerson), (first.Status, first.Submission));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 15, 0, TimeSpan.FromHours(7)), first.ReceivedAt);
    }

    [Theory]
    [InlineData("Đang giải quyết", DossierStatus.InProgress)]
    [InlineData("dang giai quyet", DossierStatus.InProgress)]
    [InlineData("ĐANG XỬ LÝ", DossierStatus.InProgress)]
    [InlineData("Đã tiếp nhận", DossierStatus.Received)]
    [InlineData("Chờ bổ sung", DossierStatus.SupplementRequested)]
    [InlineData("Cần bổ sung", DossierStatus.SupplementRequested)]
    [InlineData("Đã có kết quả", DossierStatus.ResultReady)]
    [InlineData("da tra ket qua", DossierStatus.ResultReturned)]
    [InlineData("Từ chối", DossierStatus.Rejected)]
    [InlineData("Dừng xử lý", DossierStatus.Stopped)]
    [InlineData("Rút hồ sơ", DossierStatus.Withdrawn)]
    [InlineData("inProgress", DossierStatus.InProgress)]
    [InlineData("RESULT READY", DossierStatus.ResultReady)]
    public async Task A_status_is_read_in_the_words_staff_use_or_by_its_english_name(string written, DossierStatus status)
    {
        var report = (await ImportAsync($"""
            mã hồ sơ;thủ tục;họ tên;số điện thoại;thôn;trạng thái;ngày tiếp nhận
            261120-0001;khai-sinh;Alăng Thị Hoa;0912345621;Thôn 2;{written};20/11/2026
            """));

        Assert.True(Assert.Single(report.Rows).Imported);
        Assert.Equal(status, (await office.Get<DossierDesk>().FindAsync("261120-0001"))!.Status);
    }

    [Fact]
    public async Task The_example_file_of_the_documentation_imports_every_row()
    {
        // deploy/examples/import-example.csv, copied beside the tests by the build.
        var example = Path.Combine(AppContext.BaseDirectory, "import-example.csv");

        var report = await ImportAsync(File.ReadAllText(example));

        Assert.NotEmpty(report.Rows);
        Assert.All(report.Rows, row => Assert.Null(row.Reason));
    }

    [Fact]
    public async Task A_later_status_is_dated_at_the_import_after_the_reception()
    {
        await ImportAsync("""
            code;procedure;name;phone;village;status;received
            261124-0001;thuong-tru;Ating Văn Bốp;0351234567;Thôn 4;resultReturned;24/11/2026 10:00
            """);

        var dossier = (await office.Get<DossierDesk>().FindAsync("261124-0001"))!;

        Assert.Equal([DossierStatus.Received, DossierStatus.ResultReturned], dossier.History.Select(h => h.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(7)), dossier.History[0].At);
        Assert.Equal(office.Time.GetUtcNow(), dossier.ReturnedAt);
        Assert.Equal(("api", "dossier.import"), office.Get<StaffAuditLog>().ForTarget(dossier.Code).Select(a => (a.Staff, a.Action)).Single());
        Assert.Equal(Note, dossier.History[0].Note);
    }

    [Fact]
    public async Task Vietnamese_headers_in_any_order_are_understood()
    {
        var report = (await ImportAsync("""
            Trạng thái,Mã hồ sơ,Họ tên,Số điện thoại,Thôn,Thủ tục,Ngày nhận
            received,261125-0007,Hồ Thị Lan,0977123456,Thôn 1,tam-tru,25/11/2026
            """));

        Assert.True(Assert.Single(report.Rows).Imported);
        Assert.Equal("tam-tru", (await office.Get<DossierDesk>().FindAsync("261125-0007"))!.ProcedureId);
    }

    [Theory]
    [InlineData("", DossierImportProblem.EmptyFile, "")]
    [InlineData("code,procedure,name\n261125-0007,tam-tru,Lan", DossierImportProblem.MissingColumns, "phone village status received")]
    [InlineData("🙂🙂🙂\n1,2,3", DossierImportProblem.MissingColumns, "code procedure name phone village status received")]
    public async Task A_file_without_the_needed_columns_is_rejected_as_a_whole(string csv, DossierImportProblem problem, string missing)
    {
        var row = Assert.Single((await ImportAsync(csv)).Rows);

        Assert.False(row.Imported);
        Assert.Equal(1, row.Line);
        Assert.Equal((problem, missing), (row.Reason!.Problem, string.Join(' ', row.Reason.Arguments)));
        Assert.Empty(office.Get<StaffAuditLog>().Recent(10));
    }

    [Fact]
    public async Task Short_rows_and_emoji_are_rejected_without_stopping_the_rest()
    {
        var report = (await ImportAsync("""
            code,procedure,name,phone,village,status,received date
            261125-0001,khai-sinh
            261125-0002,khai-sinh,🙂🙂,0912345621,Thôn 2,received,25/11/2026
            261125-0003,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,received,25/11/2026
            """));

        Assert.Equal([false, false, true], report.Rows.Select(r => r.Imported));
    }

    [Fact]
    public async Task A_huge_row_is_reported_and_the_rows_before_it_kept()
    {
        var csv = "code,procedure,name,phone,village,status,received date\n"
            + "261125-0001,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,received,25/11/2026\n"
            + "261125-0002,khai-sinh," + new string('a', 200_000) + ",0912345621,Thôn 2,received,25/11/2026\n";

        var report = await ImportAsync(csv);

        Assert.True(report.Rows[0].Imported);
        Assert.False(report.Rows[^1].Imported);
        Assert.NotNull(await office.Get<DossierDesk>().FindAsync("261125-0001"));
        Assert.Null(await office.Get<DossierDesk>().FindAsync("261125-0002"));
    }

    [Fact]
    public async Task A_taken_code_inside_a_batch_keeps_the_rest_of_the_batch_and_nothing_of_it_twice()
    {
        var earlier = await office.Get<DossierDesk>().ReceiveAsync(DossierStoreTests.Request(), "Chị Lan");
        var today = earlier.Code.Split('-')[1];
        var before = await FiguresAsync();

        var report = (await ImportAsync($"""
            code,procedure,name,phone,village,status,received date
            {today}-0101,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,received,26/11/2026 08:00
            {earlier.Code},khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,received,26/11/2026 08:00
            {today}-0102,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,resultReady,26/11/2026 08:00
            {today}-0101,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,received,26/11/2026 08:00
            """));

        Assert.Equal([true, false, true, false], report.Rows.Select(r => r.Imported));
        Assert.All(report.Rows.Where(r => !r.Imported), r => Assert.Equal(DossierImportProblem.CodeTaken, r.Reason!.Problem));
        var audit = office.Get<StaffAuditLog>();
        Assert.Equal("dossier.import", Assert.Single(audit.ForTarget($"000.32.30.H49-{today}-0101")).Action);
        Assert.Equal("dossier.import", Assert.Single(audit.ForTarget($"000.32.30.H49-{today}-0102")).Action);
        Assert.DoesNotContain(audit.ForTarget(earlier.Code), a => a.Action == "dossier.import");
        Assert.Equal(DossierStatus.Received, (await office.Get<DossierDesk>().FindAsync(earlier.Code))!.Status);
        // Received twice more, resolved once: the failed first attempt left nothing in the day's figures.
        var after = await FiguresAsync();
        Assert.Equal((before.Received + 2, before.Resolved + 1), (after.Received, after.Resolved));
    }

    [Fact]
    public async Task The_same_file_imported_again_changes_nothing()
    {
        const string csv = """
            code,procedure,name,phone,village,status,received date
            261125-0001,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,received,25/11/2026
            261125-0002,khai-sinh,Hồ Văn Tuấn,0912345621,Thôn 2,resultReady,25/11/2026
            """;
        await ImportAsync(csv);
        var figures = await FiguresAsync();

        var again = await ImportAsync(csv);

        Assert.Equal([false, false], again.Rows.Select(r => r.Imported));
        Assert.Equal(figures, (await FiguresAsync()));
        Assert.Single(office.Get<StaffAuditLog>().ForTarget("000.32.30.H49-261125-0002"));
    }

    [Fact]
    public async Task A_long_file_goes_in_by_batches_each_audited_once_and_found_by_every_code()
    {
        const int Rows = DossierImport.BatchSize * 2 + 7;
        var csv = new System.Text.StringBuilder("code,procedure,name,phone,village,status,received date\n");
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"261125-{i:D4},khai-sinh,Hồ Văn Tuấn,09{i:D8},Thôn 2,received,25/11/2026\n");
        }

        var report = await ImportAsync(csv.ToString());

        Assert.Equal((Rows, 0), (report.Imported, report.Rejected));
        var audit = office.Get<StaffAuditLog>();
        var batches = audit.Recent(10);
        Assert.Equal([7, DossierImport.BatchSize, DossierImport.BatchSize], batches.Select(b => b.Targets!.Count));
        Assert.All(batches, b => Assert.Equal(("api", "dossier.import"), (b.Staff, b.Action)));
        Assert.Equal(batches[1].Id, Assert.Single(audit.ForTarget($"000.32.30.H49-261125-{DossierImport.BatchSize + 1:D4}")).Id);
        Assert.Equal(Rows, (await FiguresAsync()).Received);
    }

    private async Task<PeriodStatistics> FiguresAsync()
    {
        var today = office.Get<WorkingCalendar>().Today;
        return (await office.Get<OfficeStatistics>().ComputeAsync(today.AddDays(-7), today));
    }

    public void Dispose() => office.Dispose();
}
