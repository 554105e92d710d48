using System.Net.Http.Json;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>A resident's web chat with the real bot over Direct Line: what they see live, what the host keeps, and notices.</summary>
public sealed class ResidentChatOverDirectLineTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public ResidentChatOverDirectLineTests()
    {
        factory.Settings["DirectLine:TokenSecret"] = "test-secret-of-at-least-32-bytes!";
        factory.Settings["Edge:ConversationStartsPerMinute"] = "100000";
        // Only a wake-up can send a notice: the safety-net poll is an hour away on a clock that does not move.
        factory.Settings["Outbox:PollInterval"] = "01:00:00";
    }

    public void Dispose() => factory.Dispose();

    private T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static IEnumerable<string> Texts(IEnumerable<string> activities) =>
        activities.Select(JObject.Parse).Select(a => a.Value<string>("text") ?? string.Empty);

    [Fact]
    public async Task The_summary_shows_the_resident_their_number_in_full_while_the_kept_transcript_masks_it()
    {
        using var http = factory.CreateClient();
        var client = new DirectLineClient(http);
        var chat = await client.StartAsync();
        foreach (var message in new[] { "Nộp hồ sơ trước", "khai sinh", "Hồ Thị Lan", "0912345621", "Thôn 2", "thứ hai", "Bỏ qua" })
        {
            await client.SayAsync(chat, message);
        }

        var (live, _) = await client.PollAsync(chat);
        var summary = Assert.Single(live, a => a.Value<string>("text")?.Contains("xem lại thông tin", StringComparison.Ordinal) == true);
        Assert.Contains("Điện thoại: 0912345621", summary.Value<string>("text"), StringComparison.Ordinal);

        var kept = Get<OfficeDatabase>().Collection<StoredActivity>(DirectLineTranscripts.ActivitiesCollection).FindAll().Select(a => a.Json).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, json => Assert.DoesNotContain("0912345621", json, StringComparison.Ordinal));
        // Still Markdown that shows stars: the mask is escaped as the rest of the text is.
        Assert.Contains(@"Điện thoại: 09\*\*\*\*\*\*21", string.Join('\n', Texts(kept)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_reaches_the_open_chat_at_once_not_at_the_next_poll()
    {
        using var http = factory.CreateClient();
        var chat = await new DirectLineClient(http).StartAsync();
        var conversation = Get<DirectLineConversations>().Find(chat.Id)!;
        var owner = new ConversationReference
        {
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            User = new ChannelAccount(conversation.UserId),
            Bot = new ChannelAccount(DirectLineAdapter.BotId),
            Conversation = new ConversationAccount { Id = chat.Id },
        }.ToChatAddress();
        var store = Get<DossierDesk>();
        var dossier = (await store.PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621", Village = "Thôn 2",
            Owner = owner, WorkingDays = 5, AppointmentDate = new DateOnly(2026, 11, 30),
        }));
        await store.ChangeStatusAsync(dossier.Code, DossierStatus.Received, "desk", null);
        using var staff = factory.CreateStaffClient();

        (await staff.PatchAsJsonAsync($"/api/staff/dossiers/{dossier.Code}", new { status = "inProgress" })).EnsureSuccessStatusCode();

        // A generous deadline against a hang; the poll it must not wait for never comes.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var heading = $"Hồ sơ {dossier.Code} đã chuyển sang: Đang giải quyết.";
        for (var seen = conversation.Read(0); !Texts(seen.Activities).Any(text => text.Contains(heading, StringComparison.Ordinal)); seen = conversation.Read(0))
        {
            await conversation.WaitForActivitiesAsync(seen.Watermark, deadline.Token);
        }
    }
}
