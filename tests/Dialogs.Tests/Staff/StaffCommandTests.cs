using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Tests.Staff;

public sealed class StaffCommandTests : IDisposable
{
    private const string Code = "000.32.30.H49-261126-0001";
    private const string StaffName = "Cán bộ Hoa";

    // The harness's own chat is a staff member's; residents use other chats.
    private readonly ConversationHarness harness = new(settings: new Dictionary<string, string?>
    {
        ["Staff:Members:0:Channel"] = Chats.Channel,
        ["Staff:Members:0:UserId"] = Chats.User,
        ["Staff:Members:0:Name"] = StaffName,
    });

    public void Dispose() => harness.Dispose();

    private Task FileAsResidentAsync() => Chats.Other(harness, "resident").PreRegister().StartTestAsync();

    [Theory]
    [InlineData("/hoso " + Code)]
    [InlineData("/capnhat " + Code)]
    [InlineData("/thongke")]
    public Task Residents_cannot_use_staff_commands(string command) =>
        Chats.Other(harness, "resident")
            .Send(command).AssertReplyContains("chỉ dành cho cán bộ")
            .StartTestAsync();

    [Fact]
    public async Task Show_dossier_gives_staff_the_details_with_personal_numbers_masked()
    {
        await FileAsResidentAsync();

        await harness.Flow()
            .Send("/hoso 261126-0001").AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains($"Hồ sơ {Code}: ", text, StringComparison.Ordinal);
                Assert.Contains("Người nộp: Hồ Thị Lan, điện thoại 09******21, Thôn 2.", text, StringComparison.Ordinal);
                Assert.Contains("Trạng thái: Đã đăng ký trước. Nộp trực tuyến.", text, StringComparison.Ordinal);
                Assert.Contains("Lịch sử:", text, StringComparison.Ordinal);
                Assert.Contains("(người nộp)", text, StringComparison.Ordinal);
                Assert.DoesNotContain("resident", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("0912345621", text, StringComparison.Ordinal);
            })
            .Send("/hoso 261126-0099").AssertReplyContains("Không có hồ sơ mã")
            .Send("/hoso").AssertReply(StaffShowDossierTexts.AskCode)
            .Send(Code).AssertReplyContains("Người nộp: Hồ Thị Lan")
            .StartTestAsync();

        var views = harness.Get<StaffAuditLog>().ForTarget(Code).Where(a => a.Action == "dossier.view").ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, view => Assert.Equal(StaffName, view.Staff));
    }

    [Fact]
    public async Task Update_walks_status_note_and_confirmation_then_changes_the_status_as_the_staff_member()
    {
        await FileAsResidentAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "desk", null);
        // What may follow "received" for a birth registration: no financial obligation outside land procedures.
        var labels = DossierStatus.Received.AllowedNext().Where(s => s != DossierStatus.FinancialObligation).Select(s => s.Text().Label).ToArray();

        await harness.Flow()
            .Send("/capnhat " + Code).AssertReplyWithButtons($"Hồ sơ {Code} đang ở trạng thái: Đã nhận hồ sơ.", [.. Replies.Page(labels, 0)!])
            .Send("Đã có kết quả").AssertReplyWithButtons(StaffUpdateTexts.AskNote, StaffUpdateTexts.Skip)
            .Send("Mời anh/chị đến nhận kết quả.").AssertReplyContains($"Đổi hồ sơ {Code} sang \"Đã có kết quả\", ghi chú: Mời anh/chị đến nhận kết quả.")
            .Send("có").AssertReply($"Đã cập nhật hồ sơ {Code}: Đã có kết quả. Người dân sẽ nhận được tin báo.")
            .StartTestAsync();

        var dossier = (await harness.Get<DossierDesk>().FindAsync(Code))!;
        Assert.Equal(DossierStatus.ResultReady, dossier.Status);
        var change = dossier.History[^1];
        Assert.Equal(StaffName, change.Actor);
        Assert.Equal("Mời anh/chị đến nhận kết quả.", change.Note);
        var audit = harness.Get<StaffAuditLog>().ForTarget(Code);
        Assert.Contains(audit, a => a.Action == "dossier.status" && a.Staff == StaffName);
    }

    [Theory]
    // filed from a chat, what staff are told
    [InlineData(true, "Đã cập nhật hồ sơ {0}: Đang giải quyết. Người dân sẽ nhận được tin báo.")]
    [InlineData(false, "Đã cập nhật hồ sơ {0}: Đang giải quyết. Hồ sơ này không nộp qua trò chuyện nên người dân không nhận được tin báo. Anh/chị báo người dân bằng cách khác (gọi điện) nếu cần.")]
    public async Task Staff_are_told_whether_the_resident_hears_of_the_change(bool fromChat, string told)
    {
        var code = Code;
        if (fromChat)
        {
            await FileAsResidentAsync();
            await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "desk", null);
        }
        else
        {
            code = (await harness.Get<DossierDesk>().ReceiveAsync(new NewDossier
            {
                ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2",
            }, "desk")).Code;
        }

        await harness.Flow()
            .Send("/capnhat " + code).AssertReplyContains("Chọn trạng thái mới")
            .Send("Đang giải quyết").AssertReplyContains(StaffUpdateTexts.AskNote)
            .Send("Bỏ qua").AssertReplyContains("Xác nhận?")
            .Send("có").AssertReply(TextTemplate.Fill(told, code))
            .StartTestAsync();

        Assert.Equal(fromChat ? 1 : 0, harness.Get<Outbox>().Due(harness.Time.GetUtcNow(), 10).Count(d => d.Kind == DeliveryKind.StatusChange));
    }

    [Fact]
    public async Task A_status_that_needs_a_note_refuses_none_and_the_resident_is_told_the_note()
    {
        await FileAsResidentAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Received, "desk", null);

        await harness.Flow()
            .Send("/capnhat " + Code).AssertReply(activity =>
                Assert.DoesNotContain(DossierStatus.FinancialObligation.Text().Label, ((IMessageActivity)activity).SuggestedActions.Actions.Select(a => a.Title)))
            .Send("Cần bổ sung giấy tờ").AssertReplyContains("cần ghi chú cho người dân")
            .Send("Bỏ qua").AssertReply(StaffUpdateTexts.NoteRequired)
            .Send("Thiếu giấy chứng sinh của bệnh viện").AssertReplyContains("ghi chú: Thiếu giấy chứng sinh của bệnh viện")
            .Send("Đúng").AssertReplyContains("Đã cập nhật hồ sơ")
            .StartTestAsync();

        var message = Assert.Single(harness.Get<Office.Notices.Outbox>().Due(harness.Time.GetUtcNow(), 10));
        Assert.Contains("Cán bộ ghi chú: Thiếu giấy chứng sinh của bệnh viện", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_at_an_end_cannot_be_changed_from_chat()
    {
        await FileAsResidentAsync();
        await harness.Get<DossierDesk>().ChangeStatusAsync(Code, DossierStatus.Withdrawn, "desk", null);

        await harness.Flow()
            .Send("/capnhat " + Code).AssertReply(TextTemplate.Fill(StaffUpdateTexts.Final, Code, DossierStatus.Withdrawn.Text().Label))
            .StartTestAsync();
    }

    [Fact]
    public async Task Update_can_skip_the_note_and_can_be_declined()
    {
        await FileAsResidentAsync();

        await harness.Flow()
            .Send("/capnhat " + Code).AssertReplyContains("Chọn trạng thái mới")
            .Send("3").AssertReplyContains(StaffUpdateTexts.AskNote)
            .Send("Bỏ qua").AssertReplyContains("ghi chú: không có")
            .Send("không").AssertReply(StaffUpdateTexts.NotChanged)
            .Send("/capnhat 261126-0099").AssertReplyContains("Không có hồ sơ mã này")
            .StartTestAsync();

        Assert.Equal(DossierStatus.PreRegistered, (await harness.Get<DossierDesk>().FindAsync(Code))!.Status);
    }

    [Theory]
    [InlineData("/thongke", "Từ 01/11/2026 đến 30/11/2026:")]
    [InlineData("/thongke 1/10/2026 31/10/2026", "Từ 01/10/2026 đến 31/10/2026:")]
    [InlineData("/thongke 2026-11-01 2026-11-15", "Từ 01/11/2026 đến 15/11/2026:")]
    [InlineData("/thongke 30/11/2026 1/11/2026", "Gõ /thongke cho tháng này")]
    [InlineData("/thongke hôm qua", "Gõ /thongke cho tháng này")]
    public Task Statistics_cover_this_month_or_the_period_typed(string command, string expected) =>
        harness.Flow()
            .Send(command).AssertReplyContains(expected)
            .StartTestAsync();

    [Fact]
    public async Task Statistics_count_the_dossiers_in_the_store()
    {
        var store = harness.Get<DossierDesk>();
        var received = await store.ReceiveAsync(new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Hồ Văn A", Phone = "0912345678", Village = "Thôn 6", WorkingDays = 0 }, StaffName);
        await store.ReceiveAsync(new NewDossier { ProcedureId = "ket-hon", ApplicantName = "Hồ Văn B", Phone = "0912345679", Village = "Thôn 6", WorkingDays = 3, Submission = Submission.InPerson }, StaffName);
        await store.ChangeStatusAsync(received.Code, DossierStatus.ResultReady, StaffName, null);

        await harness.Flow()
            .Send("/thongke").AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("Tiếp nhận: 2 hồ sơ, trực tuyến 1 (50%).", text, StringComparison.Ordinal);
                Assert.Contains("Đã giải quyết: 1 hồ sơ, đúng hạn 1 (100%).", text, StringComparison.Ordinal);
                Assert.Contains("Đang giải quyết: 1 hồ sơ, quá hạn 0.", text, StringComparison.Ordinal);
                // Half filed online is short of the office's 65% goal.
                Assert.Contains("Mục tiêu trực tuyến 65%: chưa đạt.", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Statistics_of_the_seeded_published_year_print_the_report_counts()
    {
        await harness.Get<OneStopBot.Office.Demo.DemoData>().SeedAsync();
        await harness.Flow()
            .Send("/thongke 1/1/2023 31/12/2023").AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("Tiếp nhận: 227 hồ sơ, trực tuyến 213 (93,83%).", text, StringComparison.Ordinal);
                Assert.Contains("Đã giải quyết: 227 hồ sơ", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }
}
