using System.Net;
using System.Text;
using MiniExcelLibs;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.StaffWeb.Sync;
using OneStopBot.Bot.Tests.StaffWeb;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Sync;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Hostile spreadsheets uploaded to the sync page: markup in cells, files too big or too long, zip bombs, legacy
/// encodings, sent by a signed-in clerk from the page's own form. Each gets a polite page and changes nothing stored; a
/// workbook made here never carries a formula.
/// </summary>
public sealed class SpreadsheetAttackTests : IDisposable
{
    private const string Header = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n";

    private readonly WorkspaceFactory factory = new();

    public void Dispose() => factory.Dispose();

    private bool NothingStored()
    {
        var database = factory.Get<OfficeDatabase>();
        return database.Collection<Dossier>("dossiers").Count() == 0
            && factory.Get<ProvincialSync>().LastExport() is null;
    }

    private Task<Workspace> SignedInAsync() => factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

    [Fact]
    public async Task Markup_in_every_cell_is_shown_as_text()
    {
        const string Attack = "<img src=x onerror=alert(1)>";
        var csv = Header
            + $"{Attack};khai-sinh;Hồ Thị Lan;0912345678;Thôn 1;Đã tiếp nhận;20/11/2026\n"
            + $"261120-0001;khai-sinh;\"\"\"><script>alert(2)</script>\";0912345678;Thôn 1;Đã tiếp nhận;20/11/2026\n"
            + $"261120-0002;khai-sinh;Hồ Thị Lan;0912345678;Thôn 1;{Attack};20/11/2026\n"
            + $"261120-0003;khai-sinh;Hồ Thị Lan;0912345678;Thôn 1;Đã tiếp nhận;{Attack}\n";
        using var clerk = await SignedInAsync();

        var response = await SyncPagesTests.UploadAsync(clerk, Encoding.UTF8.GetBytes(csv));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>alert", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.Contains("4 dòng không dùng được", page, StringComparison.Ordinal);
        Assert.True(NothingStored());
    }

    [Theory]
    [InlineData(10 * 1024 * 1024)] // a form larger than its cap: refused before it is read
    [InlineData(ProvincialSync.MaxUploadBytes + 1)] // a form within its cap whose file is one byte too large
    public async Task A_file_over_the_limit_is_refused_before_it_is_read_whole(int bytes)
    {
        using var clerk = await SignedInAsync();

        var response = await SyncPagesTests.UploadAsync(clerk, new byte[bytes]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp lớn quá 4 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(NothingStored());
    }

    [Fact]
    public async Task A_form_of_hundreds_of_parts_is_refused_unread()
    {
        using var clerk = await SignedInAsync();
        var token = Workspace.TokenIn(await clerk.Client.GetStringAsync("/can-bo/dong-bo"));
        using var form = SyncPagesTests.Upload(Encoding.UTF8.GetBytes(Header), token);
        for (var i = 0; i < 500; i++)
        {
            form.Add(new StringContent("x"), "f" + i);
        }

        var response = await clerk.Client.PostAsync("/can-bo/dong-bo", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StaffPageTexts.BadForm, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(NothingStored());
    }

    [Fact]
    public async Task A_hundred_thousand_rows_are_refused_whole()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append("261120-0001;khai-sinh;A;0;T;x;1\n");
        }
        using var clerk = await SignedInAsync();

        var response = await SyncPagesTests.UploadAsync(clerk, Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp có hơn 5.000 dòng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(NothingStored());
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_unread()
    {
        using var sheet = new MemoryStream();
        // 60 MB of one repeated cell packs to well under the upload limit.
        sheet.SaveAs(Enumerable.Range(0, 200_000).Select(_ => new Dictionary<string, object> { ["A"] = new string('a', 300) }), excelType: ExcelType.XLSX);
        Assert.True(sheet.Length < ProvincialSync.MaxUploadBytes, $"{sheet.Length} bytes");
        using var clerk = await SignedInAsync();

        var response = await SyncPagesTests.UploadAsync(clerk, sheet.ToArray(), "bom.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SyncTexts.Unpacks, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(NothingStored());
    }

    [Fact]
    public async Task A_csv_in_a_legacy_code_page_is_refused_with_how_to_save_it()
    {
        // "Trạng thái" saved by an old office program: its "á" is the single byte 0xE1 (Windows-1258), not UTF-8.
        byte[] legacy = [.. Encoding.ASCII.GetBytes("Ma ho so;Trang th"), 0xE1, .. Encoding.ASCII.GetBytes("i\n261120-0001;Da tiep nhan\n")];
        using var clerk = await SignedInAsync();

        var response = await SyncPagesTests.UploadAsync(clerk, legacy);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(OneStopBot.Bot.Hosting.HtmlText.Encode(SyncTexts.NotUtf8), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(NothingStored());
    }

    [Fact]
    public async Task An_upload_id_that_is_not_one_of_ours_applies_nothing()
    {
        using var clerk = await SignedInAsync();

        foreach (var id in new[] { "", "../../etc/passwd", new string('A', 32), "<script>" })
        {
            var response = await clerk.PostFromAsync("/can-bo/dong-bo", "/can-bo/dong-bo/ap-dung", ("upload", id));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.True(NothingStored());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://ke-gian.example\",\"Bấm\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1,2)")]
    [InlineData("\t=1+1")]
    public void A_workbook_made_here_never_starts_a_cell_as_a_formula(string value)
    {
        var bytes = SpreadsheetFile.Write([new Sheet("Trang", ["Cột"], [[value], ["Thôn 1"], [42]])]);

        using var stream = new MemoryStream(bytes);
        var cells = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["Cột"]).ToList();
        Assert.Equal(["'" + value, "Thôn 1", 42d], cells.Select(c => c is double d ? (object)d : c?.ToString()));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.DoesNotContain("<x:f>", sheet.ReadToEnd(), StringComparison.Ordinal);
    }
}
