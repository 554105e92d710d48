using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Sync;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Sync;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>The sync pages over HTTP, signed in to the workspace: upload, preview, apply, reconcile and the Excel copy.</summary>
public sealed partial class SyncPagesTests : IDisposable
{
    private readonly WorkspaceFactory factory = new();

    public void Dispose() => factory.Dispose();

    private const string Header = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n";

    /// <summary>The upload form's body: the file, and the page's antiforgery token when there is one.</summary>
    internal static MultipartFormDataContent Upload(byte[] content, string? token, string fileName = "xuat-tu-tinh.csv")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (token is not null)
        {
            form.Add(new StringContent(token), StaffSessions.AntiforgeryField);
        }
        return form;
    }

    /// <summary>Opens the upload page and sends <paramref name="content"/> from its form, as a clerk's browser does.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(Workspace clerk, byte[] content, string fileName = "xuat-tu-tinh.csv") =>
        await clerk.Client.PostAsync("/can-bo/" + SyncPages.Path, Upload(content, Workspace.TokenIn(await clerk.Client.GetStringAsync("/can-bo/" + SyncPages.Path)), fileName));

    /// <summary>Sends the preview page's apply form, with the token the preview page carries.</summary>
    internal static Task<HttpResponseMessage> ApplyAsync(Workspace clerk, string preview, string? upload = null) =>
        clerk.Client.PostAsync("/can-bo/" + SyncPages.ApplyPath, Workspace.Form(Workspace.TokenIn(preview), ("upload", upload ?? UploadId(preview))));

    internal static string UploadId(string page) => UploadField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"upload\" value=\"([0-9A-F]{32})\"")]
    private static partial Regex UploadField();

    private Task<Dossier> ReceiveAsync(string phone) =>
        factory.Get<IDossierStore>().ReceiveAsync(new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = phone, Village = "Thôn 1" }, "Chị Hoa");

    private List<Delivery> Told() => factory.Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).FindAll().ToList();

    [Theory]
    [InlineData("/can-bo/dong-bo")]
    [InlineData("/can-bo/dong-bo/doi-chieu")]
    [InlineData("/can-bo/dong-bo/doi-chieu.xlsx")]
    public async Task Without_a_session_a_page_asks_to_sign_in(string path)
    {
        using var browser = factory.Browser();

        using var response = await browser.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith(StaffSignInPage.Path.TrimStart('/'), response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_an_upload_or_an_apply_is_refused_and_changes_nothing()
    {
        var known = await ReceiveAsync("0912345622");
        var csv = Header + $"{known.Code};khai-sinh;Hồ Thị Lan;0912345622;Thôn 1;Đã có kết quả;26/11/2026 08:00\n";
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var preview = await (await UploadAsync(clerk, Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync();
        using var stranger = factory.Browser();

        using var upload = await stranger.Client.PostAsync("/can-bo/dong-bo", Upload(Encoding.UTF8.GetBytes(csv), Workspace.TokenIn(preview)));
        using var apply = await ApplyAsync(stranger, preview);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (upload.StatusCode, apply.StatusCode));
        Assert.Equal(DossierStatus.Received, (await factory.Get<IDossierStore>().FindAsync(known.Code))!.Status);
        Assert.Null(factory.Get<ProvincialSync>().LastExport());
    }

    [Fact]
    public async Task Without_the_page_s_token_an_upload_or_an_apply_is_refused_and_changes_nothing()
    {
        var known = await ReceiveAsync("0912345622");
        var csv = Header + $"{known.Code};khai-sinh;Hồ Thị Lan;0912345622;Thôn 1;Đã có kết quả;26/11/2026 08:00\n";
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        using var upload = await clerk.Client.PostAsync("/can-bo/dong-bo", Upload(Encoding.UTF8.GetBytes(csv), token: null));
        var preview = await (await UploadAsync(clerk, Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync();
        using var apply = await clerk.Client.PostAsync("/can-bo/dong-bo/ap-dung", Workspace.Form(null, ("upload", UploadId(preview))));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (upload.StatusCode, apply.StatusCode));
        Assert.Contains(StaffPageTexts.FormExpired, await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Received, (await factory.Get<IDossierStore>().FindAsync(known.Code))!.Status);
        Assert.Null(factory.Get<ProvincialSync>().LastExport());
        // The upload is still waiting: the same clerk applies it from the page.
        using var applied = await ApplyAsync(clerk, preview);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(DossierStatus.ResultReady, (await factory.Get<IDossierStore>().FindAsync(known.Code))!.Status);
    }

    [Fact]
    public async Task An_upload_is_previewed_then_applied_once_and_the_resident_is_told()
    {
        var known = await ReceiveAsync("0912345622");
        var fromChat = await factory.FromChatAsync();
        var csv = Header
            + $"{known.Code};khai-sinh;Hồ Thị Lan;0912345622;Thôn 1;Đã có kết quả;26/11/2026 08:00\n"
            + $"{fromChat.Code};khai-sinh;Hồ Thị Lan;0912345621;Thôn 2;Đã tiếp nhận;26/11/2026 08:30\n"
            + "261120-0009;ket-hon;Bríu Văn Dũng;0976543210;Thôn 2;Đang giải quyết;20/11/2026\n"
            + "261120-0010;ket-hon;Bríu Văn Dũng;0976543210;Thôn 2;Bay lên trời;20/11/2026\n";
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var preview = await UploadAsync(clerk, Encoding.UTF8.GetBytes(csv));
        var page = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Tệp này sẽ thêm 1 hồ sơ mới, đổi trạng thái 2 hồ sơ (1 người dân sẽ nhận tin báo), 0 hồ sơ không đổi, 1 dòng không dùng được.", page, StringComparison.Ordinal);
        Assert.Contains("Cột trạng thái: không rõ", page, StringComparison.Ordinal);
        Assert.Contains("Đăng ký kết hôn", page, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Received, (await factory.Get<IDossierStore>().FindAsync(known.Code))!.Status);
        Assert.Empty(Told());

        var applied = await ApplyAsync(clerk, page);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("Đã thêm 1 hồ sơ mới, đổi trạng thái 2 hồ sơ (1 người dân được báo)", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var store = factory.Get<IDossierStore>();
        Assert.Equal(DossierStatus.ResultReady, (await store.FindAsync(known.Code))!.Status);
        Assert.Equal(DossierStatus.Received, (await store.FindAsync(fromChat.Code))!.Status);
        Assert.Equal(DossierStatus.InProgress, (await store.FindAsync("261120-0009"))!.Status);
        var told = Assert.Single(Told());
        Assert.Equal("dl_resident", told.To.UserId);
        Assert.Contains(fromChat.Code, told.Text, StringComparison.Ordinal);
        Assert.Contains(factory.Get<StaffAuditLog>().Recent(10), a => a.Action == "sync.apply" && a.Staff == WorkspaceFactory.ClerkName);
        Assert.Equal(WorkspaceFactory.ClerkName, factory.Get<ProvincialSync>().LastExport()!.Staff);

        var again = await ApplyAsync(clerk, page);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(SyncTexts.UploadGone, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(Told());
    }

    [Fact]
    public async Task Another_member_cannot_apply_a_clerk_s_upload()
    {
        var known = await ReceiveAsync("0912345622");
        var csv = Header + $"{known.Code};khai-sinh;Hồ Thị Lan;0912345622;Thôn 1;Đã có kết quả;26/11/2026 08:00\n";
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        using var other = await factory.Browser().SignedInAsync(WorkspaceFactory.OtherClerk);
        var preview = await (await UploadAsync(clerk, Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync();

        // With the other clerk's own token, the upload is not theirs; with the first clerk's token, the token is not theirs.
        using var ownToken = await other.PostFromAsync("/can-bo/dong-bo", "/can-bo/dong-bo/ap-dung", ("upload", UploadId(preview)));
        using var stolenToken = await ApplyAsync(other, preview);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (ownToken.StatusCode, stolenToken.StatusCode));
        Assert.Contains(SyncTexts.UploadGone, await ownToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Received, (await factory.Get<IDossierStore>().FindAsync(known.Code))!.Status);
        Assert.Null(factory.Get<ProvincialSync>().LastExport());
    }

    [Fact]
    public async Task The_reconciliation_lists_results_not_yet_synchronised_and_exports_them_to_excel()
    {
        var done = await ReceiveAsync("0912345622");
        await factory.Get<IDossierStore>().ChangeStatusAsync(done.Code, DossierStatus.ResultReady, "Chị Hoa", null);
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var page = await clerk.Client.GetStringAsync("/can-bo/dong-bo/doi-chieu");

        Assert.Contains(SyncTexts.NeverSynchronised, page, StringComparison.Ordinal);
        Assert.Contains($"{SyncTexts.UnsynchronisedHeading} (1)", page, StringComparison.Ordinal);
        Assert.Contains(done.Code, page, StringComparison.Ordinal);

        var export = await clerk.Client.GetAsync("/can-bo/dong-bo/doi-chieu.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
        using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal([SyncTexts.MissingSheet, SyncTexts.UnsynchronisedSheet], workbook.GetSheetNames());
        var rows = workbook.Query(useHeaderRow: true, sheetName: SyncTexts.UnsynchronisedSheet).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal((done.Code, "Đã có kết quả", SyncTexts.NotInExport), ((string)row[SyncTexts.CodeColumn], (string)row[SyncTexts.StatusHereColumn], (string)row[SyncTexts.ProvincialStatusColumn]));
    }

    [Fact]
    public async Task A_form_without_a_file_is_asked_again_politely()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var response = await clerk.PostFromAsync("/can-bo/dong-bo", "/can-bo/dong-bo", ("file", "x"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(OneStopBot.Bot.Hosting.HtmlText.Encode(SyncTexts.NoFile), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_page_links_its_files_from_one_folder_up_and_its_forms_carry_the_token()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var page = await clerk.Client.GetStringAsync("/can-bo/dong-bo");

        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"\\.\\./chat\\.[a-z0-9]+\\.css\"", page);
        Assert.Contains("action=\"../can-bo/dong-bo\"", page, StringComparison.Ordinal);
        // Two forms: the upload, and the sign-out in the header.
        Assert.Equal(2, Regex.Count(page, $"name=\"{StaffSessions.AntiforgeryField}\""));
        Assert.Contains("aria-current=\"page\">Đồng bộ<", page, StringComparison.Ordinal);
    }
}
