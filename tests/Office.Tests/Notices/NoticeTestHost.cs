using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>The office's services over a database file of their own, deleted afterwards.</summary>
public sealed class NoticeTestHost : IDisposable
{
    public static readonly string[] Villages = ["Thôn 1", "Thôn 2", "Thôn 3"];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider provider;

    public NoticeTestHost(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "onestop.db"),
            ["Staff:Members:0:Channel"] = "emulator",
            ["Staff:Members:0:UserId"] = "staff-1",
            ["Staff:Members:0:Name"] = "Chị Hoa",
        };
        for (var i = 0; i < Villages.Length; i++)
        {
            values[$"Office:Villages:{i}"] = Villages[i];
        }
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddOffice(configuration);
        services.AddChannelTokens();
        services.AddInbox();
        services.AddNoticeStores();
        services.AddSingleton<INoticeTexts, TestNoticeTexts>();
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public OfficeDatabase Database => Get<OfficeDatabase>();

    public static ChatAddress Chat(string userId, string channelId = "emulator") =>
        new(channelId, userId, "c-" + userId) { ServiceUrl = "http://localhost:1/", BotId = "bot" };

    public void Dispose()
    {
        provider.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>Words for the office's own messages, as the host would supply them, recognisable in assertions.</summary>
public sealed class TestNoticeTexts : INoticeTexts
{
    public IReadOnlyList<string> BroadcastActions { get; } = ["stop", "menu"];

    public IReadOnlyList<string> AfterReplyActions { get; } = ["staff", "menu"];

    public string DeliveryReport(int noticeId, int sent, int failed) => $"report {noticeId}: sent {sent}, failed {failed}";

    public string StaffForward(string reference, string question) => $"forward {reference}: {question}";

    public string StaffReply(string reference, string answer) => $"reply {reference}: {answer}";
}
