using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Dialogs.Addressing;

namespace OneStopBot.Bot.Tests.Notices;

/// <summary>Notices in the real host: status changes over the staff API, ratings in the statistics, and what the bot remembers of chats.</summary>
public sealed class NoticeFlowsOverHttpTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public NoticeFlowsOverHttpTests()
    {
        factory.Settings["Staff:Members:0:Channel"] = "test";
        factory.Settings["Staff:Members:0:UserId"] = "staff-1";
    }

    public void Dispose() => factory.Dispose();

    private T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static ConversationReference Chat(string channel, string user) => new()
    {
        ChannelId = channel,
        ServiceUrl = "http://localhost/",
        User = new ChannelAccount(user),
        Bot = new ChannelAccount("bot"),
        Conversation = new ConversationAccount { Id = "conversation-" + user },
    };

    // Whatever the worker has done with them since: pending, sent or failed.
    private List<Delivery> Deliveries() =>
        [.. Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).FindAll().OrderBy(d => d.Id)];

    private Task TurnAsync(ConversationReference chat, Activity activity)
    {
        var adapter = new TestAdapter(chat);
        var bot = factory.Services.CreateScope().ServiceProvider.GetRequiredService<IBot>();
        var staff = Get<IOptions<StaffOptions>>().Value;
        // The test adapter stands for an authenticated channel: its user id is who the user is.
        return adapter.ProcessActivityAsync(activity, (turn, cancellationToken) =>
        {
            turn.SetVerifiedCaller(VerifiedCaller.ChannelUser(turn.ChatAddress(), staff));
            return bot.OnTurnAsync(turn, cancellationToken);
        }, CancellationToken.None);
    }

    [Theory]
    [InlineData("inProgress", new[] { DeliveryKind.StatusChange }, "Đang giải quyết")]
    [InlineData("resultReady", new[] { DeliveryKind.StatusChange }, "Đã có kết quả")]
    [InlineData("resultReturned", new[] { DeliveryKind.RatingRequest }, "Đã trả kết quả")]
    public async Task A_status_change_over_the_staff_api_queues_the_message_for_the_residents_chat(string status, DeliveryKind[] kinds, string label)
    {
        using var client = factory.CreateStaffClient();
        var resident = Chat("webchat", "resident-1");
        var dossier = (await Get<DossierDesk>().PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2",
            Owner = resident.ToChatAddress(), WorkingDays = 5, AppointmentDate = new DateOnly(2026, 11, 30),
        }));
        // Earlier steps of the office's path, recorded without notifying anyone.
        await Get<DossierDesk>().ChangeStatusAsync(dossier.Code, DossierStatus.Received, "desk", null);
        if (status == "resultReturned")
        {
            await Get<DossierDesk>().ChangeStatusAsync(dossier.Code, DossierStatus.ResultReady, "desk", null);
        }

        var response = await client.PatchAsJsonAsync($"/api/staff/dossiers/{dossier.Code}", new { status });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deliveries = Deliveries();
        Assert.Equal(kinds, deliveries.Select(d => d.Kind));
        Assert.All(deliveries, d => Assert.Equal("resident-1", d.To.UserId));
        Assert.Equal($"Hồ sơ {dossier.Code} đã chuyển sang: {label}.", deliveries[0].Text.Split('\n')[0]);
    }

    [Theory]
    [InlineData(true, true, "Người dân sẽ nhận được tin báo.")]
    [InlineData(false, false, "Hồ sơ này không nộp qua trò chuyện nên người dân không nhận được tin báo. Anh/chị báo người dân bằng cách khác (gọi điện) nếu cần.")]
    public async Task A_status_change_over_the_staff_api_says_whether_the_resident_is_told(bool fromChat, bool notified, string message)
    {
        using var client = factory.CreateStaffClient();
        var dossier = (await Get<DossierDesk>().ReceiveAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2",
            Owner = fromChat ? Chat("webchat", "resident-1").ToChatAddress() : null,
        }, "desk"));

        var response = await client.PatchAsJsonAsync($"/api/staff/dossiers/{dossier.Code}", new { status = "inProgress" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(notified, (bool?)json["residentNotified"]);
        Assert.Equal(message, (string?)json["message"]);
        Assert.Equal(fromChat ? 1 : 0, Deliveries().Count);
        // A dossier read back is the record alone.
        var read = JsonNode.Parse(await client.GetStringAsync($"/api/staff/dossiers/{dossier.Code}"))!.AsObject();
        Assert.False(read.ContainsKey("residentNotified"));
    }

    [Fact]
    public async Task Ratings_feed_the_satisfaction_figure_of_the_statistics()
    {
        var ratings = Get<RatingStore>();
        var chat = Chat("zalo", "z1").ToChatAddress();
        ratings.Add(chat, Satisfaction.Satisfied, "000.32.30.H49-261126-0001");
        ratings.Add(chat, Satisfaction.Satisfied);
        ratings.Add(chat, Satisfaction.Neutral);
        ratings.Add(chat, Satisfaction.Unsatisfied, comment: "Chờ lâu");
        using var client = factory.CreateStaffClient();

        var json = JsonNode.Parse(await client.GetStringAsync("/api/staff/stats?from=2026-11-01&to=2026-11-30"))!;

        Assert.Equal("50%", (string?)json["satisfactionPercent"]);
        Assert.Contains(json["lines"]!.AsArray(), line => (string?)line == "Hài lòng: 2/4 lượt đánh giá (50%).");
    }

    [Fact]
    public async Task A_chat_that_leaves_such_as_a_zalo_unfollow_is_unsubscribed()
    {
        var resident = Chat("zalo", "z1");
        var subscriptions = Get<SubscriptionStore>();
        subscriptions.Subscribe(resident.ToChatAddress(), "Thôn 2");
        subscriptions.Subscribe(Chat("zalo", "z2").ToChatAddress(), "Thôn 2");

        await TurnAsync(resident, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            From = resident.User,
            MembersRemoved = [resident.User],
        });

        Assert.False(subscriptions.IsSubscribed(resident.ToChatAddress()));
        Assert.True(subscriptions.IsSubscribed(Chat("zalo", "z2").ToChatAddress()));
    }

    [Fact]
    public async Task A_staff_members_chat_is_remembered_when_they_write_and_a_residents_is_not()
    {
        await TurnAsync(Chat("test", "staff-1"), (Activity)MessageFactory.Text("/thongke"));
        await TurnAsync(Chat("test", "resident-1"), (Activity)MessageFactory.Text("xin chào"));

        var remembered = Assert.Single(Get<HandoffStore>().StaffChats());
        Assert.Equal("test/staff-1", remembered.Id);
        Assert.True(Get<NoticeService>().CanReachStaff());
    }
}
