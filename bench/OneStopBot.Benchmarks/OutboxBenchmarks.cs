using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Office.Notices;

namespace OneStopBot.Benchmarks;

/// <summary>
/// A broadcast to 1,000 and 10,000 subscribers through a channel that only counts, with the rate limit out of the
/// way. Baseline: the same subscribers read from the store and sent to directly, without the outbox. Each figure is
/// per message (OperationsPerInvoke), so flat memory shows as the same bytes per send at both sizes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OutboxBenchmarks
{
    private const int Small = 1_000;
    private const int Large = 10_000;
    private const string Text = "Thông báo: họp dân thôn lúc 8 giờ sáng thứ Hai, 30/11/2026 tại nhà văn hoá.";

    private string directory = string.Empty;
    private Microsoft.Extensions.Hosting.IHost? host;
    private CountingChannel channel = new();
    private int expected;

    [IterationSetup(Targets = [nameof(Direct_1k), nameof(Outbox_1k)])]
    public void SetupSmall() => Setup(Small);

    [IterationSetup(Targets = [nameof(Direct_10k), nameof(Outbox_10k)])]
    public void SetupLarge() => Setup(Large);

    [Benchmark(Baseline = true, OperationsPerInvoke = Small), BenchmarkCategory("1k")]
    public Task Direct_1k() => SendDirectAsync();

    [Benchmark(OperationsPerInvoke = Small), BenchmarkCategory("1k")]
    public Task Outbox_1k() => BroadcastThroughOutboxAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Large), BenchmarkCategory("10k")]
    public Task Direct_10k() => SendDirectAsync();

    [Benchmark(OperationsPerInvoke = Large), BenchmarkCategory("10k")]
    public Task Outbox_10k() => BroadcastThroughOutboxAsync();

    [IterationCleanup]
    public void Cleanup()
    {
        if (channel.Count != expected)
        {
            throw new InvalidOperationException($"{channel.Count} messages were sent to {expected} subscribers.");
        }
        host?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private void Setup(int subscribers)
    {
        directory = Path.Combine(Path.GetTempPath(), "onestop-bench", Guid.NewGuid().ToString("N"));
        channel = new CountingChannel();
        expected = subscribers;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddOneStopBot();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "onestop.db"),
            ["Outbox:RateLimits:default"] = "1000000",
        });
        builder.Services.AddSingleton<IProactiveChannel>(channel);
        host = builder.Build();
        var store = host.Services.GetRequiredService<SubscriptionStore>();
        for (var i = 0; i < subscribers; i++)
        {
            var reference = new ConversationReference
            {
                ChannelId = CountingChannel.ChannelId,
                User = new ChannelAccount($"user-{i:D6}"),
                Bot = new ChannelAccount("bot"),
                Conversation = new ConversationAccount(id: $"conversation-{i:D6}"),
                ServiceUrl = "https://channel.invalid/",
            };
            store.Subscribe(reference.ToChatAddress(), village: null);
        }
    }

    private async Task SendDirectAsync()
    {
        var messenger = host!.Services.GetRequiredService<ProactiveMessenger>();
        foreach (var subscription in host.Services.GetRequiredService<SubscriptionStore>().AudiencePage(village: null, after: null, pageSize: int.MaxValue))
        {
            await messenger.SendAsync(subscription.Chat.ToConversationReference(), MessageFactory.Text(Text), CancellationToken.None);
        }
    }

    private async Task BroadcastThroughOutboxAsync()
    {
        host!.Services.GetRequiredService<NoticeService>().Broadcast(Text, village: null, createdBy: "bench");
        await host.Services.GetRequiredService<OutboxWorker>().DrainAsync(CancellationToken.None);
    }

    /// <summary>A channel that accepts everything at once and counts it.</summary>
    private sealed class CountingChannel : IProactiveChannel
    {
        public const string ChannelId = "bench";

        private int count;

        public int Count => Volatile.Read(ref count);

        public bool CanReach(ConversationReference reference) => reference.ChannelId == ChannelId;

        public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        {
            using var turn = new TurnContext(new CountingAdapter(this), reference.GetContinuationActivity());
            await callback(turn, cancellationToken);
        }

        private sealed class CountingAdapter(CountingChannel channel) : BotAdapter
        {
            public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
            {
                Interlocked.Add(ref channel.count, activities.Length);
                return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
            }

            public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
                throw new NotSupportedException("Broadcasts are never updated.");

            public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
                throw new NotSupportedException("Broadcasts are never deleted.");
        }
    }
}
