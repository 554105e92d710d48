using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.Zalo;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Reminders;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>
/// Reminders under a power cut: the host, run as its own process, is killed with SIGKILL while it sends due reminders
/// to Zalo residents, then started again on the same file. Every resident gets the reminder, and a repeat is bounded by
/// the sends in flight at the kill, as for any outbox row: no reminder is queued twice.
/// </summary>
[Trait("Category", "Long")]
public sealed class ReminderKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 3;
    private const int Residents = 200;
    private const int Concurrency = 4;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-reminder-kill", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Reminders_killed_mid_way_reach_everyone_once_but_for_the_sends_in_flight()
    {
        for (var run = 1; run <= Runs; run++)
        {
            var directory = Path.Combine(folder, run.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var databasePath = Path.Combine(directory, "onestop.db");
            using var api = new FakeZaloApi();
            // Slow enough that the 200 sends take over a second at 4 at a time: the kill lands while they go out.
            api.AnswerAfter(TimeSpan.FromMilliseconds(25));
            var users = Seed(databasePath, api.Url);
            var settings = Settings(databasePath, api.Url);

            int received;
            await using (var host = await HostProcess.StartAsync(directory, settings))
            {
                await host.WaitUntilAsync(() => api.Sent.Count >= Residents / 4 + run * 10, "the reminders to begin");
                await host.KillAsync();
                received = api.Sent.Count;
            }
            await using (var restarted = await HostProcess.StartAsync(directory, settings))
            {
                await restarted.WaitUntilAsync(() => api.Sent.Select(m => m.UserId).Distinct().Count() >= Residents, "every resident to get the reminder");
            }

            var perUser = api.Sent.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Count());
            var duplicated = perUser.Values.Sum(n => n - 1);
            output.WriteLine($"run {run}: received before the kill {received}, duplicated {duplicated}");
            Assert.All(users, u => Assert.True(perUser.ContainsKey(u), u));
            Assert.InRange(duplicated, 0, Concurrency);
            Assert.InRange(received, 1, Residents - 1);
            using var provider = HostProcess.OfficeServices(databasePath);
            Assert.All(users, u => Assert.Equal(ReminderState.Queued, provider.GetRequiredService<ReminderStore>().Find("kill|" + u)!.State));
        }
    }

    /// <summary>A reminder already due for each resident, written before the host starts.</summary>
    private static List<string> Seed(string databasePath, string apiUrl)
    {
        using var provider = HostProcess.OfficeServices(databasePath);
        var store = provider.GetRequiredService<ReminderStore>();
        var users = Enumerable.Range(1, Residents).Select(i => $"40000000000{i:D5}").ToList();
        foreach (var user in users)
        {
            var chat = new ChatAddress("zalo", user, user) { ServiceUrl = apiUrl, BotId = ZaloTestHost.OaId };
            Assert.True(store.Schedule(new Reminder
            {
                Id = "kill|" + user,
                To = chat,
                Owner = ReminderStore.OwnerOf(chat),
                Text = "Em nhắc anh/chị: hạn làm khai sinh miễn phí đến thứ Ba, 01/12/2026.",
                SendAt = TimeProvider.System.GetUtcNow().AddMinutes(-1),
            }));
        }
        return users;
    }

    // Sending hours all day, so that the test runs whatever the hour; a round every second.
    private static Dictionary<string, string> Settings(string databasePath, string apiUrl) =>
        new(BroadcastKillTests.Settings(databasePath, apiUrl))
        {
            ["Reminders:SendFrom"] = "00:00",
            ["Reminders:SendUntil"] = "23:59:59",
            ["Reminders:VisitReminderAt"] = "12:00",
            ["Reminders:ScanInterval"] = "00:00:01",
        };

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
