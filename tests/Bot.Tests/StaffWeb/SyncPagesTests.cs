using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OneStopBot.Bot.StaffWeb.Sync;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>The sync pages over HTTP: upload, preview, apply, reconcile and the Excel copy, behind the staff key.</summary>
public sealed partial class SyncPagesTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private const string Header = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n";

    internal static MultipartFormDataContent Upload(byte[] content, string fileName = "xuat-tu-tinh.csv")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    internal static string UploadId(string page) => UploadField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"upload\" value=\"([0-9A-F]{32})\"")]
    private static partial Regex UploadField();

    private Dossier Receive(string phone) =>
        factory.Services.GetRequiredService<IDossierStore>().Receive(
            new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = phone, Village = "Thôn 1" }, "Chị Hoa");

    [Theory]
    [InlineData("GET", "/can-bo/dong-bo")]
    [InlineData("POST", "/can-bo/dong-bo")]
    [InlineData("POST", "/can-bo/dong-bo/ap-dung")]
    [InlineData("GET", "/can-bo/dong-bo/doi-chieu")]
    [InlineData("GET", "/can-bo/dong-bo/doi-chieu.xlsx")]
    public async Task Every_page_needs_the_staff_key(string method, string path)
    {
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_is_previewed_then_applied_once_and_the_resident_is_told()
    {
        var known = Receive("0912345622");
        var csv = Header
            + $"{known.Code};khai-sinh;Hồ Thị Lan;0912345622;Thôn 1;Đã có kết quả;26/11/2026 08:00\n"
            + "261120-0009;ket-hon;Bríu Văn Dũng;0976543210;Thôn 2;Đang giải quyết;20/11/2026\n"
            + "261120-0010;ket-hon;Bríu Văn Dũng;0976543210;Thôn 2;Bay lên trời;20/11/2026\n";
        using var client = factory.CreateStaffClient();

        var preview = await client.PostAsync("/can-bo/dong-bo", Upload(Encoding.UTF8.GetBytes(csv)));
        var page = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Tệp này sẽ thêm 1 hồ sơ mới, đổi trạng thái 1 hồ sơ (0 người dân sẽ nhận tin báo), 0 hồ sơ không đổi, 1 dòng không dùng được.", page, StringComparison.Ordinal);
        Assert.Contains("Cột trạng thái: không rõ", page, StringComparison.Ordinal);
        Assert.Contains("Đăng ký kết hôn", page, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Received, factory.Services.GetRequiredService<IDossierStore>().Find(known.Code)!.Status);
        Assert.Empty(factory.Observer.Seen);

        var form = new FormUrlEncodedContent([new("upload", UploadId(page))]);
        var applied = await client.PostAsync("/can-bo/dong-bo/ap-dung", form);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("Đã thêm 1 hồ sơ mới, đổi trạng thái 1 hồ sơ", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<IDossierStore>();
        Assert.Equal(DossierStatus.ResultReady, store.Find(known.Code)!.Status);
        Assert.Equal(DossierStatus.InProgress, store.Find("261120-0009")!.Status);
        Assert.Equal(known.Code, Assert.Single(factory.Observer.Seen).Dossier.Code);
        Assert.Contains(factory.Services.GetRequiredService<StaffAuditLog>().Recent(10), a => a.Action == "sync.apply" && a.Staff == "api");

        var again = await client.PostAsync("/can-bo/dong-bo/ap-dung", new FormUrlEncodedContent([new("upload", UploadId(page))]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(SyncTexts.UploadGone, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(factory.Observer.Seen);
    }

    [Fact]
    public async Task The_reconciliation_lists_results_not_yet_synchronised_and_exports_them_to_excel()
    {
        var done = Receive("0912345622");
        factory.Services.GetRequiredService<IDossierStore>().ChangeStatus(done.Code, DossierStatus.ResultReady, "Chị Hoa", null);
        using var client = factory.CreateStaffClient();

        var page = await client.GetStringAsync("/can-bo/dong-bo/doi-chieu");

        Assert.Contains(SyncTexts.NeverSynchronised, page, StringComparison.Ordinal);
        Assert.Contains($"{SyncTexts.UnsynchronisedHeading} (1)", page, StringComparison.Ordinal);
        Assert.Contains(done.Code, page, StringComparison.Ordinal);

        var export = await client.GetAsync("/can-bo/dong-bo/doi-chieu.xlsx");
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
        using var client = factory.CreateStaffClient();

        var response = await client.PostAsync("/can-bo/dong-bo", new FormUrlEncodedContent([new("file", "x")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(OneStopBot.Bot.Hosting.HtmlText.Encode(SyncTexts.NoFile), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_page_links_its_files_from_one_folder_up()
    {
        using var client = factory.CreateStaffClient();

        var page = await client.GetStringAsync("/can-bo/dong-bo");

        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"\\.\\./chat\\.[a-z0-9]+\\.css\"", page);
        Assert.Contains("action=\"../can-bo/dong-bo\"", page, StringComparison.Ordinal);
    }
}
