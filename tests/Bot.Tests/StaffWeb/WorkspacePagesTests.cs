using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The workspace's pages as a signed-in clerk sees them: the menu, Today's lists, the dossiers searched, filtered and
/// paged, a dossier's page where its status changes (the resident told as from the chat) and its lock is lifted, and
/// the feedback and audit page filtered by person; every action audited with the clerk.
/// </summary>
public sealed class WorkspacePagesTests : IDisposable
{
    private readonly WorkspaceFactory factory = new();

    [Fact]
    public async Task The_menu_names_every_page_each_at_its_own_address_and_marks_the_current_one()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var today = await clerk.Client.GetStringAsync("/can-bo/hom-nay");

        foreach (var (slug, label) in new[] { ("hom-nay", "Hôm nay"), ("ho-so", "Hồ sơ"), ("dong-bo", "Đồng bộ"), ("cau-hoi", "Câu hỏi"), ("thong-bao", "Thông báo"), ("gap-can-bo", "Gặp cán bộ"), ("so-lieu", "Số liệu"), ("gop-y", "Góp ý") })
        {
            Assert.Contains($"<a href=\"../can-bo/{slug}\"", today);
            Assert.Contains($">{label}</a>", today);
            using var page = await clerk.Client.GetAsync("/can-bo/" + slug);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"aria-current=\"page\">{label}<", await page.Content.ReadAsStringAsync());
        }
        Assert.Contains(OneStopBot.Bot.StaffWeb.Sync.SyncTexts.Heading, await clerk.Client.GetStringAsync("/can-bo/dong-bo"));
        Assert.Contains("aria-current=\"page\">Hồ sơ<", await clerk.Client.GetStringAsync("/can-bo/ho-so"));
    }

    [Fact]
    public async Task Today_lists_dossiers_due_and_overdue_pre_registrations_with_their_papers_open_handoffs_and_questions()
    {
        var overdue = await factory.AtDeskAsync("Trần Văn Quá", workingDays: 1);
        var coming = await factory.FromChatAsync("Hồ Thị Sắp", visit: new DateOnly(2026, 11, 27));
        var later = await factory.FromChatAsync("Lê Thị Xa", phone: "0911111111", visit: new DateOnly(2026, 12, 20));
        var resident = new ChatAddress("webchat", "dl_x", "c_x");
        factory.Get<IHandoffStore>().Create(resident, "Tôi cần gặp cán bộ tư pháp");
        factory.Get<IUnansweredQuestionStore>().Record("cấp lại sổ đỏ bị mất ở mô", new ChatAddress("webchat", "dl_resident", "conversation-of-the-resident"));
        factory.Time.Advance(TimeSpan.FromDays(6));
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var html = await clerk.Client.GetStringAsync("/can-bo/hom-nay");

        Assert.Contains(overdue.Code, html);
        Assert.Matches("Quá hạn \\d+ ngày", html);
        Assert.Contains(coming.Code, html);
        Assert.Contains(TodayTexts.Papers, html);
        Assert.DoesNotContain(later.Code, html);
        Assert.Contains("Tôi cần gặp cán bộ tư pháp", html);
        Assert.Contains("cấp lại sổ đỏ bị mất ở mô", html);
    }

    [Fact]
    public async Task Dossiers_are_found_by_code_by_name_without_diacritics_and_by_the_phone_s_last_four_digits()
    {
        var lan = await factory.FromChatAsync("Hồ Thị Lan", "0912345621");
        var binh = await factory.AtDeskAsync("Nguyễn Văn Bình", "0987654399");
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        async Task<string> Search(string q) => await clerk.Client.GetStringAsync("/can-bo/ho-so?q=" + Uri.EscapeDataString(q));

        Assert.All(new[] { lan.Code, lan.Code[^11..], "ho thi lan", "LAN", "5621", "0912 345 621" }, q =>
        {
            var html = Search(q).GetAwaiter().GetResult();
            Assert.Contains(lan.Code, html);
            Assert.DoesNotContain(binh.Code, html);
        });
        Assert.Contains(binh.Code, await Search("4399"));
        Assert.Contains(StaffPageTexts.Nothing, await Search("không ai tên này"));
        // The search text may be a phone number: the audit says only that a search was made.
        Assert.All(factory.Get<IStaffAuditLog>().ByStaff(WorkspaceFactory.ClerkName, 50).Where(a => a.Action == "dossier.search"),
            a => Assert.DoesNotContain("5621", a.Details ?? ""));
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_paging_goes_on_from_where_the_page_ended()
    {
        var filed = new List<Dossier>();
        for (var i = 0; i < 30; i++)
        {
            filed.Add(await factory.AtDeskAsync("Người Thử " + (char)('A' + (i % 26)), "09870000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
        }
        var pre = await factory.FromChatAsync();
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var first = await clerk.Client.GetStringAsync("/can-bo/ho-so?status=received");
        var next = WebUtility.HtmlDecode(Regex.Match(first, "href=\"\\.\\./(can-bo/ho-so\\?[^\"]+)\" rel=\"next\"").Groups[1].Value);
        var second = await clerk.Client.GetStringAsync("/" + next);
        var preOnly = await clerk.Client.GetStringAsync("/can-bo/ho-so?status=preRegistered&village=" + Uri.EscapeDataString("Thôn 2"));

        Assert.Equal(DossierSearch.PageSize, Regex.Matches(first, "class=\"code\" href=").Count);
        Assert.Equal(30 - DossierSearch.PageSize, Regex.Matches(second, "class=\"code\" href=").Count);
        Assert.Contains("status=received", next);
        Assert.All(filed, d => Assert.True(first.Contains(d.Code, StringComparison.Ordinal) ^ second.Contains(d.Code, StringComparison.Ordinal), d.Code));
        Assert.DoesNotContain(pre.Code, first + second);
        Assert.Contains(pre.Code, preOnly);
        Assert.DoesNotContain(filed[0].Code, preOnly);
    }

    [Fact]
    public async Task Changing_a_status_tells_the_resident_as_the_chat_does_and_is_audited_with_the_clerk()
    {
        var dossier = await factory.FromChatAsync();
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var page = "/can-bo/ho-so/" + dossier.Code;

        using var response = await clerk.PostFromAsync(page, page + "/trang-thai", ("status", "received"), ("note", ""));
        var after = await clerk.Client.GetStringAsync(new Uri(new Uri("http://localhost" + page + "/trang-thai"), response.Headers.Location!).PathAndQuery);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(DossierStatus.Received, (await factory.Get<IDossierStore>().FindAsync(dossier.Code))!.Status);
        Assert.Contains(OneStopBot.Bot.Hosting.HtmlText.Encode(StatusNoticeTexts.ResidentTold), after);
        var told = factory.Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).FindAll().ToList();
        Assert.Contains(told, d => d.To.UserId == "dl_resident" && d.Text.Contains(dossier.Code, StringComparison.Ordinal));
        Assert.Contains(factory.Get<IStaffAuditLog>().ForTarget(dossier.Code), a => a.Action == "dossier.status" && a.Staff == WorkspaceFactory.ClerkName);
        Assert.Contains(factory.Get<IStaffAuditLog>().ForTarget(dossier.Code), a => a.Action == "dossier.view" && a.Staff == WorkspaceFactory.ClerkName);
        Assert.Contains(WorkspaceFactory.ClerkName, after);
    }

    [Theory]
    [InlineData("supplementRequested", "", "cần ghi chú")]
    [InlineData("resultReturned", "", "Không chuyển được")]
    [InlineData("khong-co", "", "chọn trạng thái mới")]
    public async Task A_change_the_office_s_rules_refuse_is_told_and_changes_nothing(string status, string note, string told)
    {
        var dossier = await factory.AtDeskAsync();
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var page = "/can-bo/ho-so/" + dossier.Code;

        using var response = await clerk.PostFromAsync(page, page + "/trang-thai", ("status", status), ("note", note));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(told, await response.Content.ReadAsStringAsync());
        Assert.Equal(DossierStatus.Received, (await factory.Get<IDossierStore>().FindAsync(dossier.Code))!.Status);
    }

    [Fact]
    public async Task A_locked_dossier_shows_the_unlock_button_and_unlocking_is_audited_with_the_clerk()
    {
        var dossier = await factory.FromChatAsync();
        var guard = factory.Get<LookupGuard>();
        for (var i = 0; i < 5; i++)
        {
            guard.VerifyDigits(dossier.Code, "0000", (_, _) => { });
        }
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);
        var page = "/can-bo/ho-so/" + dossier.Code;
        Assert.Contains(DossierTexts.UnlockButton, await clerk.Client.GetStringAsync(page));

        using var response = await clerk.PostFromAsync(page, page + "/mo-khoa");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(guard.CheckCode(dossier.Code).Allowed);
        Assert.DoesNotContain(DossierTexts.UnlockButton, await clerk.Client.GetStringAsync(page));
        Assert.Contains(factory.Get<IStaffAuditLog>().ForTarget(dossier.Code), a => a.Action == "dossier.unlock" && a.Staff == WorkspaceFactory.ClerkName && a.Details == "locked");
    }

    [Fact]
    public async Task An_unknown_dossier_is_a_polite_404()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        using var response = await clerk.Client.GetAsync("/can-bo/ho-so/khong-co-ma-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(DossierTexts.NotFound, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feedback_ratings_with_comments_and_the_audit_log_filtered_by_person()
    {
        var chat = new ChatAddress("zalo", "2512000000000009", "c");
        factory.Get<IFeedbackStore>().Add(chat, "Cán bộ xã rất nhiệt tình");
        factory.Get<IRatingStore>().Add(chat, Satisfaction.Unsatisfied, comment: "Chờ lâu quá");
        factory.Get<IStaffAuditLog>().Record(WorkspaceFactory.OtherClerkName, "dossier.view", "000.32.30.H49-261126-0099");
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        var all = await clerk.Client.GetStringAsync("/can-bo/gop-y");
        var mine = await clerk.Client.GetStringAsync("/can-bo/gop-y?nguoi=" + Uri.EscapeDataString(WorkspaceFactory.ClerkName));

        Assert.Contains("Cán bộ xã rất nhiệt tình", all);
        Assert.Contains("Chờ lâu quá", all);
        Assert.Contains("000.32.30.H49-261126-0099", all);
        Assert.DoesNotContain("000.32.30.H49-261126-0099", mine);
        Assert.Contains("đăng nhập", mine);
        Assert.DoesNotContain("staff.signin", all);
    }

    [Theory]
    [InlineData("/can-bo/hom-nay")]
    [InlineData("/can-bo/ho-so")]
    [InlineData("/can-bo/gop-y")]
    [InlineData("/can-bo/tai-khoan")]
    public async Task Each_page_with_a_full_list_stays_under_200_KB_compressed(string page)
    {
        for (var i = 0; i < 120; i++)
        {
            await factory.AtDeskAsync("Người Thử Nghiệm Có Tên Rất Dài Để Trang Nặng", "09870001" + (i % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), workingDays: 0);
        }
        factory.Time.Advance(TimeSpan.FromDays(3));
        using var leader = await factory.Browser().SignedInAsync(WorkspaceFactory.Leader);

        var bytes = await leader.Client.GetByteArrayAsync(page);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes);
        }

        Assert.InRange(compressed.Length, 1, 200 * 1024);
    }

    public void Dispose() => factory.Dispose();
}
