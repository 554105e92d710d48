using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Wording;

namespace OneStopBot.Office.Tests.Wording;

public sealed class DossierStatusWordingTests
{
    [Fact]
    public void Every_status_has_a_short_simple_text()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var text = status.Text();
            Assert.All(new[] { text.Label, text.Explanation, text.NextStep }, sentence =>
            {
                Assert.False(string.IsNullOrWhiteSpace(sentence));
                Assert.InRange(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 20);
            });
        }
        Assert.Equal(Enum.GetValues<DossierStatus>().Length, Enum.GetValues<DossierStatus>().Select(s => s.Text().Label).Distinct().Count());
    }

    [Fact]
    public void Every_label_staff_see_in_the_chat_is_read_back_in_an_imported_file()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            Assert.True(DossierStatuses.TryRead(status.Text().Label, out var read), status.Text().Label);
            Assert.Equal(status, read);
        }
    }

    [Theory]
    [InlineData(DossierStatus.PreRegistered, DossierStatus.ResultReady, null, true,
        "Không chuyển được từ \"Đã đăng ký trước\" sang \"Đã có kết quả\". Chỉ chuyển được sang: Đã nhận hồ sơ, Không giải quyết, Đã rút hồ sơ.")]
    [InlineData(DossierStatus.ResultReady, DossierStatus.InProgress, null, true,
        "Không chuyển được từ \"Đã có kết quả\" sang \"Đang giải quyết\". Chỉ chuyển được sang: Đã trả kết quả.")]
    [InlineData(DossierStatus.InProgress, DossierStatus.Rejected, " ", true,
        "Trạng thái \"Không giải quyết\" cần ghi chú cho người dân (cần bổ sung gì, nộp bao nhiêu, hoặc lý do).")]
    [InlineData(DossierStatus.InProgress, DossierStatus.FinancialObligation, "Nộp thuế", false,
        "Thủ tục này không có nghĩa vụ tài chính (chỉ thủ tục đất đai mới có).")]
    [InlineData(DossierStatus.Withdrawn, DossierStatus.Received, null, true,
        "Hồ sơ đã ở trạng thái cuối \"Đã rút hồ sơ\", không đổi được nữa.")]
    public void Refusals_name_the_statuses_in_staff_words(DossierStatus from, DossierStatus to, string? note, bool land, string expected) =>
        Assert.Equal(expected, DossierStatuses.Refusal(from, to, note, land)!.Reason());
}
