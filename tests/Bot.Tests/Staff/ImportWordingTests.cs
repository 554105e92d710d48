using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OneStopBot.Bot.Staff;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Tests.Staff;

public sealed class ImportWordingTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    private const string FinishedUnknown = "Cột trạng thái: không rõ \"finished\". Ghi một trong: Đã đăng ký trước, Đã nhận hồ sơ, Đang giải quyết, "
        + "Cần bổ sung giấy tờ, Cần nộp lệ phí, Cần làm nghĩa vụ tài chính, Đã có kết quả, Đã trả kết quả, Không giải quyết, Đã dừng xử lý, "
        + "Đã rút hồ sơ (có dấu hoặc không dấu).";

    public static TheoryData<DossierImportProblem, string[], string> Reasons => new()
    {
        { DossierImportProblem.EmptyFile, [], "Tệp trống, không có dòng tiêu đề." },
        { DossierImportProblem.MissingColumns, ["phone", "village"], "Thiếu cột: phone, village." },
        { DossierImportProblem.TooManyRows, [], "Tệp quá dài: chỉ nhập 5000 dòng đầu." },
        { DossierImportProblem.UnreadableRest, [], "Không đọc được phần còn lại của tệp CSV." },
        { DossierImportProblem.MalformedRow, [], "Dòng sai định dạng CSV (dấu ngoặc kép)." },
        { DossierImportProblem.BadCode, ["000.32.30.H49-261120-0012", "12-3"], "Cột mã hồ sơ: \"12-3\" không đúng dạng mã, ví dụ 000.32.30.H49-261120-0012." },
        { DossierImportProblem.UnknownStatus, ["finished"], FinishedUnknown },
        { DossierImportProblem.BadReceivedDate, ["32/11/2026"], "Cột ngày nhận: \"32/11/2026\" không đọc được, cần dạng dd/MM/yyyy (có thể thêm giờ HH:mm)." },
        { DossierImportProblem.ReceivedInFuture, ["31/12/2026"], "Cột ngày nhận: 31/12/2026 là sau hôm nay." },
        { DossierImportProblem.CodeTaken, [], "Mã hồ sơ đã có." },
        { DossierImportProblem.NotSaved, [], "Không lưu được dòng này, anh/chị thử lại sau." },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Each_reason_is_worded_for_staff(DossierImportProblem problem, string[] arguments, string text) =>
        Assert.Equal(text, ImportWording.Text(new DossierImportReason(problem, arguments)));

    [Fact]
    public void Every_reason_has_words_and_an_imported_row_none()
    {
        Assert.All(Enum.GetValues<DossierImportProblem>(), problem =>
            Assert.False(string.IsNullOrWhiteSpace(ImportWording.Text(new DossierImportReason(problem, "x") { FieldErrors = [new("phone", DossierProblem.InvalidPhone)] }))));
        Assert.Null(ImportWording.Text(null));
    }

    [Fact]
    public async Task The_import_endpoint_words_each_refused_row_and_notes_where_the_dossiers_came_from()
    {
        const string csv = """
            code,procedure,name,phone,village,status,received date
            261120-0001,khai-sinh,Alăng Thị Hoa,0912345621,Thôn 2,received,20/11/2026 08:15
            not-a-code,khai-tu,Zơrâm Thị Nga,0987654321,Thôn 5,received,21/11/2026
            261120-0003,ket-hon,Clâu Văn Dũng,0987654321,Thôn 5,finished,21/11/2026
            261120-0004,ket-hon,Clâu Văn Dũng,0987654321,Thôn 5,received,31/12/2026
            261120-0005,ket-hon,Clâu Văn Dũng,123,Thôn 5,received,21/11/2026
            261120-0001,khai-sinh,Alăng Thị Hoa,0912345621,Thôn 2,received,20/11/2026 08:15
            """;
        using var client = factory.CreateStaffClient();

        var response = await client.PostAsync("/api/staff/dossiers/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rows"]!.AsArray();
        Assert.Equal(
            [
                (2, (string?)null),
                (3, "Cột mã hồ sơ: \"not-a-code\" không đúng dạng mã, ví dụ 000.32.30.H49-261120-0012."),
                (4, FinishedUnknown),
                (5, "Cột ngày nhận: 31/12/2026 là sau hôm nay."),
                (6, "Số điện thoại cần 10 số, bắt đầu bằng 0. Ví dụ: 0912345678."),
                (7, "Mã hồ sơ đã có."),
            ],
            rows.Select(r => ((int)r!["line"]!, (string?)r["reason"])));
        var dossier = JsonNode.Parse(await client.GetStringAsync("/api/staff/dossiers/261120-0001"))!;
        Assert.Equal(ImportWording.ImportedNote, (string?)dossier["history"]![0]!["note"]);
    }

    [Theory]
    [InlineData("", "Tệp trống, không có dòng tiêu đề.")]
    [InlineData("code,procedure,name,status,received\n261120-0001,khai-sinh,Lan,received,20/11/2026", "Thiếu cột: phone, village.")]
    public async Task A_file_without_its_columns_is_refused_in_one_line(string csv, string reason)
    {
        using var client = factory.CreateStaffClient();

        var response = await client.PostAsync("/api/staff/dossiers/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var row = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rows"]!.AsArray())!;
        Assert.Equal((1, false, reason), ((int)row["line"]!, (bool)row["imported"]!, (string?)row["reason"]));
    }
}
