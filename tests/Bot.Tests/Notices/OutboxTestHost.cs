using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Connector;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Notices;
using OneStopBot.Bot.Reminders;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Office;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Notices;

/// <summary>The notice services and the outbox worker over a database file, with recording channels; not started.</summary>
public sealed class OutboxTestHost : IDisposable
{
    private readonly ServiceProvider provider;

    public OutboxTestHost(string databasePath, FakeTimeProvider time, Dictionary<string, string?>? settings = null, params RecordingChannel[] channels)
    {
        Time = time;
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Office:Villages:0"] = "Thôn 2",
            ["Office:Villages:1"] = "Thôn 3",
            ["Outbox:QuickRetries"] = "0",
            ["Outbox:RetryDelay"] = "00:00:10",
            ["Outbox:RateLimits:default"] = "1000",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<BotFrameworkAuthentication>(new ConfigurationBotFrameworkAuthentication(configuration));
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ConversationState>();
        services.AddTurnPipeline(new ConfigurationBuilder().Build());
        services.AddSingleton(ShippedKnowledge.Catalog);
        services.AddSingleton<PlainWords>();
        services.AddConnectorSecurity(configuration);
        services.AddSingleton<ConnectorAdapter>();
        foreach (var channel in channels)
        {
            services.AddSingleton<IProactiveChannel>(channel);
        }
        services.AddOffice(configuration);
        services.AddNotices(configuration);
        services.AddSingleton<ReminderPlanner>();
        services.AddReminders();
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public OutboxWorker Worker => Get<OutboxWorker>();

    public static ChatAddress Chat(string userId, string channelId = "fake") =>
        new ConversationReference
        {
            ChannelId = channelId,
            User = new ChannelAccount(userId),
            Bot = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: "c-" + userId),
            ServiceUrl = "http://localhost:1/",
        }.ToChatAddress();

    public void Subscribe(int count, string channelId = "fake", string? village = null, string prefix = "u")
    {
        var subscriptions = Get<SubscriptionStore>();
        for (var i = 0; i < count; i++)
        {
            subscriptions.Subscribe(Chat($"{channelId}-{prefix}{i:D5}", channelId), village);
        }
    }

    public void Dispose() => provider.Dispose();
}

/// <summary>A directory for one test's database file.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => System.IO.Path.Combine(Path, "onestop.db");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
