using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Reminders;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Sync;
using OneStopBot.Office.Tests.Dossiers;
using OneStopBot.Office.Tests.Notices;

namespace OneStopBot.Office.Tests.Security;

/// <summary>
/// Two communes in one deployment: records made in one are invisible to the other's staff and residents through every
/// store's reads, lists, counts, searches, statistics and lookups by code, phone and chat; the other commune cannot
/// change them either; and a store used with no commune entered throws instead of reading everyone's records.
/// </summary>
public sealed class CommuneIsolationTests : IDisposable
{
    private const string A = "phuoc-duc";
    private const string B = "phuoc-nang";

    private static readonly ChatAddress Resident = DossierStoreTests.Owner("dan-1");

    // The shipped settings (the province's Office facts) with two communes listed.
    private readonly TestOffice host = new(settings: TwoCommunes(), services: services =>
        services.AddNoticeStores().AddSingleton<INoticeTexts, TestNoticeTexts>());

    public static Dictionary<string, string?> TwoCommunes() => new()
    {
        ["Communes:0:Id"] = A,
        ["Communes:0:CommuneName"] = "xã Phước Đức",
        ["Communes:0:AgencyCode"] = "000.32.30.H49",
        ["Communes:1:Id"] = B,
        ["Communes:1:CommuneName"] = "xã Phước Năng",
        ["Communes:1:AgencyCode"] = "000.33.30.H49",
    };

    private T In<T>(string commune, Func<T> work) => host.In(commune, work);

    private void In(string commune, Action work) => In(commune, () =>
    {
        work();
        return 0;
    });

    private Task<T> InAsync<T>(string commune, Func<Task<T>> work) => host.InAsync(commune, work);

    private Task InAsync(string commune, Func<Task> work) => host.InAsync(commune, work);

    [Fact]
    public async Task A_dossier_of_one_commune_is_found_by_no_lookup_of_the_other()
    {
        var store = host.Get<DossierDesk>();
        var dossier = await InAsync(A, () => store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));
        var lastDigits = dossier.Phone[^4..];

        Assert.Equal(A, dossier.Commune);
        Assert.Equal(dossier.Code, (await InAsync(A, () => store.FindAsync(dossier.Code)))?.Code);
        await InAsync(B, async () =>
        {
            Assert.Null(await store.FindAsync(dossier.Code));
            Assert.Null(await store.FindAsync(dossier.Code.ToLowerInvariant()));
            Assert.Empty(await store.ListByOwnerAsync(Resident.ChannelId, Resident.UserId));
            Assert.True(await store.IsEmptyAsync());
            Assert.Null(await store.ChangeStatusAsync(dossier.Code, DossierStatus.Rejected, "Kẻ gian", "thử"));
            var search = host.Get<DossierSearch>();
            Assert.Empty(search.Find(new DossierQuery(Text: dossier.Code)).Items);
            Assert.Empty(search.Find(new DossierQuery(Text: dossier.Phone)).Items);
            Assert.Empty(search.Find(new DossierQuery(Text: lastDigits)).Items);
            Assert.Empty(search.Find(new DossierQuery(Text: "alang thi hoa")).Items);
            Assert.Empty(search.Find(new DossierQuery()).Items);
            Assert.Empty(search.Today().PreRegistered);
            Assert.Empty(host.Get<StaffAuditLog>().ForTarget(dossier.Code));
        });
        // The other commune's attempt changed nothing.
        Assert.Equal(DossierStatus.PreRegistered, (await InAsync(A, () => store.FindAsync(dossier.Code)))!.Status);
    }

    [Fact]
    public async Task Each_commune_numbers_its_own_dossiers_with_its_own_agency_code()
    {
        var store = host.Get<DossierDesk>();
        var inA = await InAsync(A, () => store.ReceiveAsync(DossierStoreTests.Request(), "Chị Lan"));
        var inB = await InAsync(B, () => store.ReceiveAsync(DossierStoreTests.Request(), "Anh Tú"));

        Assert.StartsWith("000.32.30.H49-", inA.Code, StringComparison.Ordinal);
        Assert.StartsWith("000.33.30.H49-", inB.Code, StringComparison.Ordinal);
        Assert.Equal(inA.Code[^4..], inB.Code[^4..]);
        Assert.Equal([inA.Code], In(A, () => host.Get<DossierSearch>().Find(new DossierQuery(Text: inA.Phone)).Items).Select(d => d.Code));
        Assert.Equal([inB.Code], In(B, () => host.Get<DossierSearch>().Find(new DossierQuery(Text: inB.Phone)).Items).Select(d => d.Code));
        Assert.Equal(["Chị Lan"], In(A, () => host.Get<StaffAuditLog>().ForTarget(inA.Code)).Select(a => a.Staff));
        Assert.Equal(["Anh Tú"], In(B, () => host.Get<StaffAuditLog>().ByStaff("Anh Tú", 10)).Select(a => a.Staff));
        Assert.Empty(In(A, () => host.Get<StaffAuditLog>().ByStaff("Anh Tú", 10)));
    }

    [Fact]
    public async Task The_same_chat_filing_the_same_draft_in_two_communes_files_two_dossiers()
    {
        var store = host.Get<DossierDesk>();
        var inA = await InAsync(A, () => store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));
        var inB = await InAsync(B, () => store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));

        Assert.NotEqual(inA.Code, inB.Code);
        Assert.Equal([inB.Code], (await InAsync(B, () => store.ListByOwnerAsync(Resident.ChannelId, Resident.UserId))).Select(d => d.Code));
    }

    [Fact]
    public async Task A_commune_s_statistics_count_its_own_dossiers_and_ratings_and_the_province_sees_each_side_by_side()
    {
        var store = host.Get<DossierDesk>();
        var today = host.Get<WorkingCalendar>().Today;
        await InAsync(A, async () =>
        {
            await store.ReceiveAsync(DossierStoreTests.Request() with { Submission = Submission.Online }, "Chị Lan");
            await store.ReceiveAsync(DossierStoreTests.Request() with { Submission = Submission.InPerson }, "Chị Lan");
            host.Get<RatingStore>().Add(Resident, Satisfaction.Satisfied);
        });
        await InAsync(B, () => store.ReceiveAsync(DossierStoreTests.Request() with { Submission = Submission.InPerson }, "Anh Tú"));
        var statistics = host.Get<OfficeStatistics>();

        var inB = await InAsync(B, () => statistics.ComputeAsync(today, today));
        Assert.Equal((1, 0, null), (inB.Received, inB.Online, inB.Satisfaction));
        Assert.Equal((0, 0), In(B, () => host.Get<RatingStore>().CountSatisfaction(today, today)));
        var each = await statistics.ComputeEachAsync(today, today);
        Assert.Equal(
            [(A, 2, 1, 1), (B, 1, 0, 0)],
            each.Select(c => (c.Commune.Id, c.Figures.Received, c.Figures.Online, c.Figures.Satisfaction?.Total ?? 0)));
        Assert.Equal([1], (await InAsync(B, () => statistics.ComputeByAsync(IDossierFigures.ByVillage, today, today))).Select(g => g.Received));
    }

    [Fact]
    public void Each_commune_s_satisfaction_counts_its_own_ratings_of_the_period_only()
    {
        var ratings = host.Get<RatingStore>();
        var today = host.Get<WorkingCalendar>().Today;
        In(A, () =>
        {
            ratings.Add(Resident, Satisfaction.Satisfied);
            ratings.Add(Resident, Satisfaction.Unsatisfied);
        });
        In(B, () => ratings.Add(Resident, Satisfaction.Satisfied));
        host.Time.Advance(TimeSpan.FromDays(1));
        In(A, () => ratings.Add(Resident, Satisfaction.Satisfied));

        Assert.Equal((1, 2), In(A, () => ratings.CountSatisfaction(today, today)));
        Assert.Equal((1, 1), In(B, () => ratings.CountSatisfaction(today, today)));
        Assert.Equal((2, 3), In(A, () => ratings.CountSatisfaction(today.AddDays(-1), today.AddDays(1))));
        Assert.Equal((0, 0), In(B, () => ratings.CountSatisfaction(today.AddDays(1), today.AddDays(1))));
        // Read through the commune's own days, not every commune's ratings of the period.
        var plan = host.Get<OfficeDatabase>().Collection<Rating>(RatingStore.CollectionName).Query().Where(ratings.InPeriod(A, today, today)).GetPlan();
        Assert.Equal(RatingStore.CommuneDayIndex, plan["index"]["name"].AsString);
    }

    [Fact]
    public void A_reply_before_the_resident_said_their_commune_is_no_commune_s_and_is_still_sent()
    {
        var outbox = host.Get<Outbox>();

        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.TurnReply, Resident, "Anh/chị ở xã nào?") { BeforeCommune = true });

        Assert.Equal(string.Empty, row.Commune);
        Assert.Null(In(A, () => outbox.Get(row.Id)));
        Assert.Null(In(B, () => outbox.Get(row.Id)));
        Assert.Equal([row.Id], outbox.Due(host.Time.GetUtcNow(), 10).Select(d => d.Id));
    }

    [Fact]
    public void A_subscription_of_one_commune_is_not_the_other_s_and_the_other_cannot_end_it()
    {
        var subscriptions = host.Get<SubscriptionStore>();
        In(A, () =>
        {
            subscriptions.Subscribe(Resident, "Thôn 1");
            Assert.True(subscriptions.TryMarkAsked(Resident));
        });

        In(B, () =>
        {
            Assert.Null(subscriptions.Find(Resident));
            Assert.False(subscriptions.IsSubscribed(Resident));
            Assert.Equal(0, subscriptions.Count());
            Assert.Equal(0, subscriptions.CountAudience(null));
            Assert.Empty(subscriptions.AudiencePage(null, after: null, pageSize: 10));
            Assert.False(subscriptions.Unsubscribe(Resident));
        });
        Assert.True(In(A, () => subscriptions.IsSubscribed(Resident)));
        Assert.False(In(A, () => subscriptions.TryMarkAsked(Resident)));
    }

    [Fact]
    public void A_broadcast_reaches_only_its_commune_s_subscribers_and_its_rows_carry_the_commune()
    {
        var subscriptions = host.Get<SubscriptionStore>();
        var notices = host.Get<NoticeStore>();
        In(A, () => subscriptions.Subscribe(NoticeTestHost.Chat("a-1"), null));
        In(B, () => subscriptions.Subscribe(NoticeTestHost.Chat("b-1"), null));
        var notice = In(A, () => notices.Create("Họp thôn", null, "Chị Lan", reportTo: null));

        Assert.Equal([(notice.Id, A)], notices.AwaitingFanOut().Select(n => (n.Id, n.Commune)));
        In(B, () =>
        {
            Assert.Null(notices.Get(notice.Id));
            Assert.Null(notices.Progress(notice.Id));
            Assert.Empty(notices.Latest(10));
            // Fanning out another commune's notice does nothing.
            Assert.False(notices.FanOutNextPage(notice.Id, 10));
        });
        In(A, () => notices.FanOutNextPage(notice.Id, 10));

        var due = host.Get<Outbox>().Due(host.Time.GetUtcNow(), 10);
        Assert.Equal([("a-1", A)], due.Select(d => (d.To.UserId, d.Commune)));
        Assert.Null(In(B, () => host.Get<Outbox>().Get(due[0].Id)));
    }

    [Fact]
    public void Ratings_and_feedback_of_one_commune_are_not_the_other_s()
    {
        var ratings = host.Get<RatingStore>();
        var rating = In(A, () =>
        {
            host.Get<FeedbackStore>().Add(Resident, "Cán bộ nhiệt tình");
            return ratings.Add(Resident, Satisfaction.Satisfied, "000.32.30.H49-261126-0001");
        });

        In(B, () =>
        {
            Assert.False(ratings.IsRated(rating.DossierCode!));
            Assert.Empty(ratings.ForDossier(rating.DossierCode!));
            Assert.Empty(ratings.Latest(10));
            Assert.False(ratings.AddComment(rating.Id, "Sửa trộm"));
            Assert.Empty(host.Get<FeedbackStore>().Latest(10));
        });
        Assert.Null(In(A, () => ratings.Latest(1))[0].Comment);
    }

    [Fact]
    public void Handoffs_questions_and_staff_chats_of_one_commune_are_not_the_other_s()
    {
        var handoffs = host.Get<HandoffStore>();
        var questions = host.Get<UnansweredQuestionStore>();
        var (handoff, question) = In(A, () =>
        {
            var created = handoffs.Create(Resident, "Hỏi về khai sinh");
            handoffs.AddMessage(created.Id, "Chị Lan", "Anh mang giấy chứng sinh nhé.");
            handoffs.RememberStaffChat(NoticeTestHost.Chat("can-bo"));
            return (created, questions.Record("Nuôi chó đăng ký ở mô?", Resident));
        });

        In(B, () =>
        {
            Assert.Null(handoffs.Find(handoff.Id));
            Assert.Empty(handoffs.Open(10));
            Assert.Null(handoffs.OpenFor(Resident));
            Assert.Empty(handoffs.Messages(handoff.Id, 0, 10));
            Assert.Empty(handoffs.StaffChats());
            Assert.Null(questions.Get(question.Id));
            Assert.Empty(questions.Latest(10));
            questions.Update(question with { Text = "Sửa trộm" });
        });
        Assert.Equal("Nuôi chó đăng ký ở mô?", In(A, () => questions.Get(question.Id))!.Text);
    }

    [Fact]
    public void Reminders_of_one_commune_are_not_the_other_s_nor_sent_in_its_rounds()
    {
        var reminders = host.Get<ReminderStore>();
        var reminder = new Reminder
        {
            Id = "deadline|dan-1|khai-sinh",
            To = Resident,
            Owner = ReminderStore.OwnerOf(Resident),
            Text = "Còn 5 ngày để làm giấy khai sinh.",
            SendAt = host.Time.GetUtcNow().AddHours(-1),
        };
        Assert.True(In(A, () => reminders.ScheduleAsked(reminder)));

        In(B, () =>
        {
            Assert.Null(reminders.Find(reminder.Id));
            Assert.Empty(reminders.Of(Resident));
            Assert.Equal(0, reminders.Stop(Resident));
        });
        Assert.Equal(ReminderState.Scheduled, In(A, () => reminders.Find(reminder.Id))!.State);
    }

    [Fact]
    public async Task Guessing_a_code_s_digits_in_another_commune_neither_reads_nor_lifts_its_lock()
    {
        var store = host.Get<DossierDesk>();
        var guard = host.Get<LookupGuard>();
        var dossier = await InAsync(A, () => store.PreRegisterAsync(DossierStoreTests.Request(owner: Resident)));
        In(A, () =>
        {
            for (var i = 0; i < 5; i++)
            {
                guard.VerifyDigits(dossier.Code, "0000", (_, _) => { });
            }
        });
        Assert.False(In(A, () => guard.CheckCode(dossier.Code)).Allowed);

        // The right digits in the other commune verify nothing (the dossier is not there), and its guesses and unlock
        // touch its own count only.
        Assert.IsNotType<DigitsCheck.Verified>(In(B, () => guard.VerifyDigits(dossier.Code, dossier.Phone[^4..], (_, _) => { })));
        Assert.False(In(B, () => guard.UnlockCode(dossier.Code)));
        Assert.False(In(A, () => guard.CheckCode(dossier.Code)).Allowed);
    }

    [Fact]
    public void A_sync_upload_kept_for_one_commune_cannot_be_read_or_dropped_from_the_other()
    {
        var sync = host.Get<ProvincialSync>();
        var id = In(A, () => sync.Keep([1, 2, 3], "Chị Lan"))!;

        Assert.Null(In(B, () => sync.Kept(id, "Chị Lan")));
        In(B, () => sync.Forget(id));
        Assert.Equal([1, 2, 3], In(A, () => sync.Kept(id, "Chị Lan")));
        Assert.Null(In(B, () => sync.LastExport()));
    }

    public static TheoryData<string> Reads() =>
    [
        "dossier by code", "dossier search", "audit", "subscriptions", "notices", "ratings",
        "feedback", "handoffs", "questions", "reminders", "statistics", "lookup lock", "sync", "new dossier", "outbox",
    ];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task With_several_communes_a_store_used_outside_any_commune_throws_instead_of_reading_everyone_s(string read)
    {
        await InAsync(A, () => host.Get<DossierDesk>().ReceiveAsync(DossierStoreTests.Request(), "Chị Lan"));
        var today = host.Get<WorkingCalendar>().Today;
        Action use = read switch
        {
            // The office's services complete at once on LiteDB: what they throw, they throw here.
            "dossier by code" => () => host.Get<DossierDesk>().FindAsync("000.32.30.H49-261130-0001").GetAwaiter().GetResult(),
            "dossier search" => () => host.Get<DossierSearch>().Find(new DossierQuery()),
            "audit" => () => host.Get<StaffAuditLog>().ByStaff("Chị Lan", 10),
            "subscriptions" => () => host.Get<SubscriptionStore>().Count(),
            "notices" => () => host.Get<NoticeStore>().Latest(10),
            "ratings" => () => host.Get<RatingStore>().Latest(10),
            "feedback" => () => host.Get<FeedbackStore>().Latest(10),
            "handoffs" => () => host.Get<HandoffStore>().Open(10),
            "questions" => () => host.Get<UnansweredQuestionStore>().Latest(10),
            "reminders" => () => host.Get<ReminderStore>().Of(Resident),
            "statistics" => () => host.Get<OfficeStatistics>().ComputeAsync(today, today).GetAwaiter().GetResult(),
            "lookup lock" => () => host.Get<LookupGuard>().CheckCode("000.32.30.H49-261130-0001"),
            "sync" => () => host.Get<ProvincialSync>().LastExport(),
            "new dossier" => () => host.Get<DossierDesk>().PreRegisterAsync(DossierStoreTests.Request(owner: Resident)).GetAwaiter().GetResult(),
            "outbox" => () => host.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, Resident, "Xin chào")),
            _ => throw new ArgumentOutOfRangeException(nameof(read)),
        };

        Assert.Throws<NoCommuneException>(use);
    }

    public void Dispose() => host.Dispose();
}
