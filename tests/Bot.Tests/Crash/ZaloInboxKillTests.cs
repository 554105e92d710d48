using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Tests.Zalo;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>
/// The inbox's promise under a power cut: the host, run as its own process over a real database file, is killed with
/// SIGKILL while 100 residents' Zalo messages arrive, then started again, and Zalo delivers again the events it got
/// no 200 for. Every message must be answered, and at most the replies in flight at the kill (one per turn running,
/// <see cref="Turns"/>) may reach a resident twice.
/// </summary>
[Trait("Category", "Long")]
public sealed class ZaloInboxKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 3;
    private const int Residents = 100;
    private const int Turns = 4;
    private const string Question = "giờ làm việc của xã";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-kill", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Messages_arriving_at_a_kill_are_all_answered_and_repeat_at_most_the_replies_in_flight()
    {
        var results = new List<Result>();
        for (var run = 1; run <= Runs; run++)
        {
            var result = await RunOnceAsync(run);
            output.WriteLine($"run {run}: {result}");
            results.Add(result);
        }

        Assert.All(results, r => Assert.Equal(0, r.Unanswered));
        Assert.All(results, r => Assert.InRange(r.Duplicated, 0, Turns));
        // The kill really fell while messages arrived: some were answered before it, and some were not.
        Assert.All(results, r => Assert.InRange(r.AnsweredBeforeKill, 1, Residents - 1));
    }

    private async Task<Result> RunOnceAsync(int run)
    {
        var directory = Path.Combine(folder, run.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, "onestop.db");
        using var api = new FakeZaloApi();
        api.AnswerAfter(TimeSpan.FromMilliseconds(5));
        var settings = BroadcastKillTests.Settings(databasePath, api.Url);
        settings["Zalo:Inbox:MaxConcurrentTurns"] = Turns.ToString(CultureInfo.InvariantCulture);
        // Replies left unsent at the kill go out soon after the restart rather than a minute later, yet long after the
        // turn's own sending on a starved machine.
        settings["Zalo:Inbox:ReplyHold"] = "00:00:10";
        var residents = Enumerable.Range(1, Residents).Select(i => $"31{run}0000000{i:D5}").ToList();
        var events = residents.ToDictionary(r => r, r => ZaloEvents.Text(r, $"msg-{r}", Question));

        int answeredBeforeKill;
        var acknowledged = new ConcurrentBag<string>();
        await using (var host = await HostProcess.StartAsync(directory, settings))
        {
            using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
            // Two at a time, as residents write, so that the kill falls among arrivals as well as turns.
            var arriving = Task.Run(() => Parallel.ForEachAsync(residents, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (resident, _) =>
            {
                if (await TryPostAsync(client, events[resident]))
                {
                    acknowledged.Add(resident);
                }
            }));
            var threshold = 20 + (run * 15);
            await host.WaitUntilAsync(() => acknowledged.Count >= threshold && api.Sent.Count > 0, "the first events to be taken and answered");
            await host.KillAsync();
            answeredBeforeKill = api.Sent.Select(m => m.UserId).Distinct().Count();
            await arriving;
        }

        // What the killed host left: replies in the outbox not marked sent, which the restarted host must send.
        List<Delivery> unsent;
        using (var office = HostProcess.OfficeServices(databasePath))
        {
            unsent = [.. office.GetRequiredService<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName)
                .Find(d => d.Kind == DeliveryKind.TurnReply && d.State == DeliveryState.Pending)];
            output.WriteLine($"run {run}: at the kill {acknowledged.Count} events acknowledged, "
                + $"{office.GetRequiredService<IInbox>().CountPending(ZaloAdapter.ChannelId)} pending in the inbox, {unsent.Count} replies unsent");
        }
        var sentBeforeRestart = api.Sent.Count;

        await using (var restarted = await HostProcess.StartAsync(directory, settings))
        {
            using var client = new HttpClient { BaseAddress = restarted.Address, Timeout = TimeSpan.FromSeconds(10) };
            // Zalo delivers again only what it got no 200 for: an acknowledged event must be answered from the inbox alone.
            foreach (var resident in residents.Except(acknowledged))
            {
                await restarted.WaitUntilAsync(() => TryPostAsync(client, events[resident]), $"the event of {resident} to be taken");
            }
            await restarted.WaitUntilAsync(
                () =>
                {
                    var sent = api.Sent;
                    var after = sent.Skip(sentBeforeRestart).ToList();
                    return residents.All(r => sent.Any(m => m.UserId == r))
                        && unsent.All(d => after.Any(m => m.UserId == d.To.UserId && m.Text == d.Text));
                },
                "every resident to be answered and every reply left at the kill to be sent");
        }

        var perResident = api.Sent.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.ToList());
        var unanswered = residents.Count(r => !perResident.ContainsKey(r));
        // A reply sent twice is the same text to the same resident again.
        var duplicated = perResident.Values.Sum(messages => messages.Count - messages.Select(m => m.Text).Distinct().Count());
        var beforeRestart = api.Sent.Take(sentBeforeRestart).ToList();
        output.WriteLine($"run {run}: repeated before the restart {beforeRestart.Count - beforeRestart.Select(m => (m.UserId, m.Text)).Distinct().Count()}");
        return new Result(answeredBeforeKill, Residents - acknowledged.Count, unanswered, duplicated);
    }

    /// <summary>Posts a signed event; false when the host did not take it (refused, killed, not listening).</summary>
    private static async Task<bool> TryPostAsync(HttpClient client, string json)
    {
        using var request = ZaloTestHost.Request(json);
        try
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(int AnsweredBeforeKill, int UnacknowledgedAtKill, int Unanswered, int Duplicated);
}
