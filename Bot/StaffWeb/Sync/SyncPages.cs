using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.WebChat;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Sync;
using static OneStopBot.Bot.Hosting.HtmlText;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.StaffWeb.Sync;

/// <summary>
/// "Đồng bộ": a clerk uploads the provincial one-stop system's export (.xlsx or .csv), sees what it will change (new
/// dossiers, status changes that tell residents, lines that cannot be read and why), applies it, and reconciles the
/// records with it (dossiers missing from it, results it does not show yet), with an Excel copy of those lists.
/// </summary>
public static class SyncPages
{
    public const string Path = "dong-bo";
    public const string ApplyPath = "dong-bo/ap-dung";
    public const string ReconcilePath = "dong-bo/doi-chieu";
    public const string ReconcileExportPath = "dong-bo/doi-chieu.xlsx";

    /// <summary>Lines listed at most per section of a preview; the counts say how many in all.</summary>
    public const int MaxShown = 300;

    /// <summary>The upload's whole form: the file, plus room for its part headers and the form's token.</summary>
    private const int MaxUploadFormBytes = ProvincialSync.MaxUploadBytes + 64 * 1024;

    public static RouteGroupBuilder MapSyncPages(this RouteGroupBuilder group)
    {
        group.MapGet(Path, Upload);
        group.MapPost(Path, PreviewAsync);
        group.MapPost(ApplyPath, ApplyAsync);
        group.MapGet(ReconcilePath, Reconcile);
        group.MapGet(ReconcileExportPath, ExportReconciliation);
        return group;
    }

    internal static IResult Upload(HttpContext http, ProvincialSync sync, WorkingCalendar calendar, EndpointDataSource endpoints) =>
        Page(http, endpoints, UploadForm(http, sync, calendar, error: null));

    internal static async Task<IResult> PreviewAsync(
        HttpContext http, IAntiforgery antiforgery, ProvincialSync sync, WorkingCalendar calendar, ProcedureCatalog catalog, EndpointDataSource endpoints)
    {
        // An export too large is told on the page before anything is read, so the clerk knows to split it.
        if (http.Request.ContentLength > MaxUploadFormBytes)
        {
            return Page(http, endpoints, UploadForm(http, sync, calendar, TooLarge), StatusCodes.Status413PayloadTooLarge);
        }
        if (await StaffSessions.CheckFormAsync(http, antiforgery, MaxUploadFormBytes) is { } refused)
        {
            return refused;
        }
        var (content, error, status) = await ReadFileAsync(http.Request);
        ImportTable? table = null;
        SyncPlan? plan = null;
        if (content is not null)
        {
            table = ImportTable.ReadFile(content, out var problem);
            (error, status) = problem is { } unreadable ? (Text(unreadable), StatusCodes.Status400BadRequest) : (null, StatusCodes.Status200OK);
        }
        if (table is not null)
        {
            plan = await sync.PreviewAsync(table, http.User.StaffName(), ImportWording.ImportedNote, http.RequestAborted);
            if (plan.HeaderProblem is { } header)
            {
                (error, status) = (Text(header.Reason), StatusCodes.Status400BadRequest);
            }
        }
        if (error is not null || plan is null)
        {
            return Page(http, endpoints, UploadForm(http, sync, calendar, error ?? SyncTexts.NoFile), status);
        }
        var kept = sync.Keep(content!, http.User.StaffName());
        if (kept is null)
        {
            return Page(http, endpoints, UploadForm(http, sync, calendar, SyncTexts.TooManyWaiting), StatusCodes.Status429TooManyRequests);
        }
        return Page(http, endpoints, Preview(http, plan, catalog, kept));
    }

    internal static async Task<IResult> ApplyAsync(
        HttpContext http, IAntiforgery antiforgery, ProvincialSync sync, WorkingCalendar calendar, ProcedureCatalog catalog, EndpointDataSource endpoints)
    {
        if (await StaffSessions.CheckFormAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }
        var id = http.Request.Form["upload"].ToString();
        var content = sync.Kept(id, http.User.StaffName());
        var table = content is null ? null : ImportTable.ReadFile(content, out _);
        if (table is null)
        {
            return Page(http, endpoints, UploadForm(http, sync, calendar, SyncTexts.UploadGone), StatusCodes.Status400BadRequest);
        }
        var applied = await sync.ApplyAsync(table, http.User.StaffName(), ImportWording.ImportedNote, http.RequestAborted);
        sync.Forget(id);
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""<h2>{SyncTexts.AppliedHeading}</h2><p class="summary" role="status">{Encode(Summary(applied, SyncTexts.AppliedSummary))}</p>""");
        main.Append(CultureInfo.InvariantCulture, $"""<p><a class="button" href="{WorkspacePage.Link(http, ReconcilePath)}">{SyncTexts.ReconcileLink}</a> <a href="{WorkspacePage.Link(http, Path)}">{SyncTexts.UploadAnother}</a></p>""");
        main.Append(Sections(applied, catalog));
        return Page(http, endpoints, main.ToString());
    }

    internal static IResult Reconcile(HttpContext http, ProvincialSync sync, WorkingCalendar calendar, ProcedureCatalog catalog, EndpointDataSource endpoints)
    {
        var result = sync.Reconcile();
        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""<h2>{SyncTexts.ReconcileHeading}</h2><p>{Encode(LastExport(result.LastExport, calendar))}</p>""");
        main.Append(CultureInfo.InvariantCulture, $"""<p><a class="button" href="{WorkspacePage.Link(http, ReconcileExportPath)}" download>{SyncTexts.ExportButton}</a> <a href="{WorkspacePage.Link(http, Path)}">{SyncTexts.UploadAnother}</a></p>""");
        main.Append(DossierTable(SyncTexts.MissingHeading, SyncTexts.MissingHint, result.Missing, result.MissingTotal, catalog, calendar));
        main.Append(DossierTable(SyncTexts.UnsynchronisedHeading, SyncTexts.UnsynchronisedHint, result.Unsynchronised, result.UnsynchronisedTotal, catalog, calendar));
        return Page(http, endpoints, main.ToString());
    }

    internal static IResult ExportReconciliation(HttpContext http, ProvincialSync sync, WorkingCalendar calendar, ProcedureCatalog catalog)
    {
        var result = sync.Reconcile();
        Sheet Sheet(string name, IReadOnlyList<SyncDossier> dossiers) => new(name, SyncTexts.DossierColumns, dossiers.Select(d => (IReadOnlyList<object?>)
        [
            d.Code, WorkspacePage.ProcedureName(catalog, d.ProcedureId), d.Village, d.Status.Text().Label,
            d.ProvincialStatus?.Text().Label ?? SyncTexts.NotInExport, Day(d.ReceivedAt, calendar),
        ]));
        return SpreadsheetFile.Download(http, [Sheet(SyncTexts.MissingSheet, result.Missing), Sheet(SyncTexts.UnsynchronisedSheet, result.Unsynchronised)], "doi-chieu-dong-bo.xlsx");
    }

    private static string UploadForm(HttpContext http, ProvincialSync sync, WorkingCalendar calendar, string? error) =>
        $$"""
        <h2>{{SyncTexts.Heading}}</h2>
        <p>{{Encode(LastExport(sync.LastExport(), calendar))}} <a href="{{WorkspacePage.Link(http, ReconcilePath)}}">{{SyncTexts.ReconcileLink}}</a></p>
        <form class="card" method="post" action="{{WorkspacePage.Link(http, Path)}}" enctype="multipart/form-data">
        {{StaffLayout.AntiforgeryField(http)}}
        <label for="file">{{SyncTexts.FileLabel}}</label>
        <input id="file" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
        {{(error is null ? "" : $"""<p class="error" role="alert">{Encode(error)}</p>""")}}
        <p class="hint">{{SyncTexts.FileHint}}</p>
        <button type="submit" class="action">{{SyncTexts.PreviewButton}}</button>
        </form>
        """;

    private static string Preview(HttpContext http, SyncPlan plan, ProcedureCatalog catalog, string upload) =>
        $$"""
        <h2>{{SyncTexts.PreviewHeading}}</h2>
        <p class="summary" role="status">{{Encode(Summary(plan, SyncTexts.PreviewSummary))}}</p>
        <form method="post" action="{{WorkspacePage.Link(http, ApplyPath)}}" class="apply">
        {{StaffLayout.AntiforgeryField(http)}}
        <input type="hidden" name="upload" value="{{Encode(upload)}}">
        <button type="submit" class="action">{{SyncTexts.ApplyButton}}</button>
        <a href="{{WorkspacePage.Link(http, Path)}}">{{SyncTexts.Cancel}}</a>
        </form>
        {{Sections(plan, catalog)}}
        """;

    private static string Summary(SyncPlan plan, string template) =>
        TextTemplate.Fill(template,
            plan.Count(SyncChangeKind.New),
            plan.Count(SyncChangeKind.StatusChange),
            plan.Of(SyncChangeKind.StatusChange).Count(l => l.NotifiesResident),
            plan.Count(SyncChangeKind.Unchanged),
            plan.Count(SyncChangeKind.Refused));

    private static string Sections(SyncPlan plan, ProcedureCatalog catalog)
    {
        var html = new StringBuilder();
        var fresh = plan.Of(SyncChangeKind.New).ToList();
        html.Append(Table(SyncTexts.NewHeading, fresh.Count, [SyncTexts.LineColumn, SyncTexts.CodeColumn, SyncTexts.ProcedureColumn, SyncTexts.VillageColumn, SyncTexts.StatusColumn],
            fresh.Select(l => new[] { Number(l.Line), l.Code ?? "", WorkspacePage.ProcedureName(catalog, l.ProcedureId), l.Village ?? "", l.To?.Text().Label ?? "" })));
        var changes = plan.Of(SyncChangeKind.StatusChange).ToList();
        html.Append(Table(SyncTexts.ChangesHeading, changes.Count, [SyncTexts.LineColumn, SyncTexts.CodeColumn, SyncTexts.FromColumn, SyncTexts.ToColumn, SyncTexts.NotifiesColumn],
            changes.Select(l => new[] { Number(l.Line), l.Code ?? "", l.From?.Text().Label ?? "", l.To?.Text().Label ?? "", l.NotifiesResident ? SyncTexts.Yes : SyncTexts.No })));
        var refused = plan.Of(SyncChangeKind.Refused).ToList();
        html.Append(Table(SyncTexts.RefusedHeading, refused.Count, [SyncTexts.LineColumn, SyncTexts.CodeColumn, SyncTexts.ReasonColumn],
            refused.Select(l => new[] { Number(l.Line), l.Code ?? "", l.Refusal?.Reason() ?? ImportWording.Text(l.Reason) ?? "" })));
        return html.ToString();
    }

    private static string Table(string heading, int total, string[] columns, IEnumerable<string[]> rows)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""<section class="list"><h3>{Encode(heading)} ({Number(total)})</h3>""");
        if (total == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="hint">{SyncTexts.None}</p></section>""");
            return html.ToString();
        }
        html.Append(WorkspacePage.Table(columns, rows.Take(MaxShown)));
        if (total > MaxShown)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="hint">{Encode(TextTemplate.Fill(SyncTexts.MoreLines, Number(total - MaxShown)))}</p>""");
        }
        html.Append("</section>");
        return html.ToString();
    }

    private static string DossierTable(string heading, string hint, IReadOnlyList<SyncDossier> dossiers, int total, ProcedureCatalog catalog, WorkingCalendar calendar) =>
        Table(heading, total, [SyncTexts.CodeColumn, SyncTexts.ProcedureColumn, SyncTexts.VillageColumn, SyncTexts.StatusHereColumn, SyncTexts.ProvincialStatusColumn, SyncTexts.ReceivedColumn],
            dossiers.Select(d => new[]
            {
                d.Code, WorkspacePage.ProcedureName(catalog, d.ProcedureId), d.Village, d.Status.Text().Label,
                d.ProvincialStatus?.Text().Label ?? SyncTexts.NotInExport, Day(d.ReceivedAt, calendar),
            }))
            .Replace("</h3>", $"</h3><p class=\"hint\">{Encode(hint)}</p>", StringComparison.Ordinal);

    private static string LastExport(SyncExport? export, WorkingCalendar calendar) =>
        export is null
            ? SyncTexts.NeverSynchronised
            : TextTemplate.Fill(SyncTexts.LastSynchronised,
                calendar.LocalTime(export.At).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), Number(export.Lines), export.Staff);


    private static string Day(DateTimeOffset? at, WorkingCalendar calendar) =>
        at is { } value ? calendar.LocalDate(value).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    private static string Number(int value) => VietnameseNumber.Of(value);


    private static string Text(DossierImportReason? reason) => reason?.Problem switch
    {
        DossierImportProblem.TooManyRows => TextTemplate.Fill(SyncTexts.TooManyRows, Number(ImportTable.MaxRows)),
        DossierImportProblem.UnreadableRest => SyncTexts.UnreadableRest,
        _ => ImportWording.Text(reason) ?? SyncTexts.NotATable,
    };

    private static string Text(ImportFileProblem problem) => problem switch
    {
        ImportFileProblem.Empty => SyncTexts.EmptyFile,
        ImportFileProblem.NotUtf8 => SyncTexts.NotUtf8,
        ImportFileProblem.Unpacks => SyncTexts.Unpacks,
        _ => SyncTexts.NotATable,
    };

    // The first file of the form (already read, within its cap), at most ProvincialSync.MaxUploadBytes; otherwise a polite reason.
    private static async Task<(byte[]? Content, string? Error, int Status)> ReadFileAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, SyncTexts.NoFile, StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.Form.Files is not [var file, ..])
        {
            return (null, SyncTexts.NoFile, StatusCodes.Status400BadRequest);
        }
        await using var stream = file.OpenReadStream();
        var (bytes, _) = await CappedBody.ReadAsync(stream, file.Length, ProvincialSync.MaxUploadBytes, request.HttpContext.RequestAborted);
        return bytes is null ? (null, TooLarge, StatusCodes.Status413PayloadTooLarge) : (bytes, null, StatusCodes.Status200OK);
    }

    private static readonly string TooLarge = TextTemplate.Fill(SyncTexts.TooLarge, ProvincialSync.MaxUploadBytes / 1024 / 1024);

    private static IResult Page(HttpContext http, EndpointDataSource endpoints, string content, int status = StatusCodes.Status200OK) =>
        StaffLayout.Page(http, new StaffPage(SyncTexts.Title, WorkspacePage.Body(http, endpoints, content), []) { MenuSlug = "dong-bo" }, status);
}

/// <summary>The words of the sync pages, as to a colleague.</summary>
public static class SyncTexts
{
    public const string Title = "Đồng bộ";
    public const string Heading = "Đồng bộ với hệ thống một cửa của tỉnh";
    public const string NeverSynchronised = "Chưa đồng bộ lần nào.";
    /// <summary>{0}: when; {1}: lines; {2}: who.</summary>
    public const string LastSynchronised = "Lần đồng bộ gần nhất: {0}, {1} dòng, do {2} thực hiện.";
    public const string FileLabel = "Tệp xuất từ hệ thống một cửa của tỉnh";
    public const string FileHint = "Tệp Excel (.xlsx) hoặc CSV (UTF-8), tối đa 4 MB và 5.000 dòng. Dòng đầu là tiêu đề cột: mã hồ sơ, thủ tục, họ tên, số điện thoại, thôn, trạng thái, ngày tiếp nhận (có dấu hoặc không dấu, thứ tự nào cũng được); có thể thêm cột ghi chú.";
    public const string PreviewButton = "Xem trước thay đổi";
    public const string PreviewHeading = "Xem trước thay đổi";
    /// <summary>{0} new, {1} changes, {2} of them told to residents, {3} unchanged, {4} refused.</summary>
    public const string PreviewSummary = "Tệp này sẽ thêm {0} hồ sơ mới, đổi trạng thái {1} hồ sơ ({2} người dân sẽ nhận tin báo), {3} hồ sơ không đổi, {4} dòng không dùng được. Chưa có gì được lưu.";
    public const string AppliedHeading = "Đã đồng bộ";
    /// <summary>As <see cref="PreviewSummary"/>.</summary>
    public const string AppliedSummary = "Đã thêm {0} hồ sơ mới, đổi trạng thái {1} hồ sơ ({2} người dân được báo), {3} hồ sơ không đổi, {4} dòng không dùng được.";
    public const string ApplyButton = "Áp dụng thay đổi";
    public const string Cancel = "Huỷ, chọn tệp khác";
    public const string NewHeading = "Hồ sơ mới";
    public const string ChangesHeading = "Đổi trạng thái";
    public const string RefusedHeading = "Dòng không dùng được";
    public const string None = "Không có.";
    /// <summary>{0}: lines not shown.</summary>
    public const string MoreLines = "Còn {0} dòng nữa không hiện ở đây.";
    public const string LineColumn = "Dòng";
    public const string CodeColumn = "Mã hồ sơ";
    public const string ProcedureColumn = "Thủ tục";
    public const string VillageColumn = "Thôn";
    public const string StatusColumn = "Trạng thái";
    public const string FromColumn = "Trạng thái hiện tại";
    public const string ToColumn = "Trạng thái mới";
    public const string NotifiesColumn = "Báo người dân";
    public const string ReasonColumn = "Lý do";
    public const string StatusHereColumn = "Trạng thái ở xã";
    public const string ProvincialStatusColumn = "Trạng thái trên hệ thống tỉnh";
    public const string ReceivedColumn = "Ngày tiếp nhận";
    public const string Yes = "Có";
    public const string No = "Không";
    public const string NotInExport = "Không có trong tệp";
    public const string ReconcileLink = "Xem đối chiếu";
    public const string UploadAnother = "Tải tệp khác";
    public const string ReconcileHeading = "Đối chiếu với hệ thống của tỉnh";
    public const string MissingHeading = "Hồ sơ ở xã nhưng không có trong tệp của tỉnh";
    public const string MissingHint = "Hồ sơ tiếp nhận từ ngày sớm nhất trong tệp trở đi mà tệp không có. Anh/chị kiểm tra và nhập lên hệ thống của tỉnh.";
    public const string UnsynchronisedHeading = "Kết quả chưa đồng bộ";
    public const string UnsynchronisedHint = "Hồ sơ đã có kết quả ở xã mà hệ thống của tỉnh chưa ghi là có kết quả.";
    public const string ExportButton = "Tải về tệp Excel";
    public const string MissingSheet = "Thiếu trên hệ thống tỉnh";
    public const string UnsynchronisedSheet = "Kết quả chưa đồng bộ";
    public static readonly IReadOnlyList<string> DossierColumns = [CodeColumn, ProcedureColumn, VillageColumn, StatusHereColumn, ProvincialStatusColumn, ReceivedColumn];

    public const string NoFile = "Anh/chị chọn tệp xuất từ hệ thống của tỉnh rồi bấm \"Xem trước thay đổi\".";
    /// <summary>{0}: megabytes.</summary>
    public const string TooLarge = "Tệp lớn quá {0} MB. Anh/chị xuất theo từng tháng rồi tải lên từng tệp.";
    public const string EmptyFile = "Tệp trống. Anh/chị kiểm tra lại tệp đã xuất.";
    public const string NotUtf8 = "Tệp CSV không ở dạng UTF-8 nên chữ có dấu sẽ bị sai. Anh/chị mở tệp bằng Excel, chọn Lưu thành \"CSV UTF-8\", hoặc tải lên tệp .xlsx.";
    public const string NotATable = "Không đọc được tệp này. Anh/chị tải lên tệp Excel (.xlsx) hoặc CSV xuất từ hệ thống của tỉnh.";
    public const string Unpacks = "Tệp Excel này quá lớn khi mở ra. Anh/chị xuất theo từng tháng rồi tải lên từng tệp.";
    /// <summary>{0}: the most rows.</summary>
    public const string TooManyRows = "Tệp có hơn {0} dòng nên chưa dùng được. Anh/chị xuất theo từng tháng rồi tải lên từng tệp.";
    public const string UnreadableRest = "Có một đoạn trong tệp CSV không đọc được (thường do dấu ngoặc kép), nên chưa dùng được tệp. Anh/chị mở tệp bằng Excel, lưu lại thành .xlsx rồi tải lên.";
    public const string TooManyWaiting = "Đang có nhiều tệp chờ áp dụng. Anh/chị đợi khoảng một giờ rồi thử lại.";
    public const string UploadGone = "Không còn tệp đã xem trước (đã áp dụng, hoặc quá một giờ). Anh/chị tải tệp lên lại.";
}
