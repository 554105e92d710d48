using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Bot.State;

namespace OneStopBot.Bot.Tests.Integrity;

/// <summary>One intent to file gives one dossier over <c>/api/messages</c>: double taps, races and crashes included.</summary>
public sealed partial class OneDossierPerIntentTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(folder, "onestop.db");

    [Fact]
    public async Task Concurrent_sends_in_one_conversation_file_one_dossier()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        var residents = Enumerable.Range(1, 6).Select(i => new ConnectorUser(client, $"double-tap-{i}", $"resident-{i}")).ToList();
        await Task.WhenAll(residents.Select((user, i) => FillInAsync(user, $"09123456{i:D2}")));

        // Each resident taps "Gửi" four times at once.
        var replies = await Task.WhenAll(residents.SelectMany(user => Enumerable.Range(0, 4).Select(_ => user.SayAsync("Gửi"))));

        var store = factory.Services.GetRequiredService<DossierDesk>();
        foreach (var (user, i) in residents.Select((u, i) => (u, i)))
        {
            Assert.Single(await store.ListByOwnerAsync("emulator", $"resident-{i + 1}"));
        }
        Assert.Equal(residents.Count, replies.Count(r => Code().IsMatch(Unescaped(r.Texts()))));
        Assert.Equal(0, factory.Services.GetRequiredService<ConversationTurns>().Active);
    }

    [Fact]
    public async Task A_send_retried_after_a_crash_between_filing_and_reply_gets_the_same_code()
    {
        var crash = new CrashAfterFiling();
        string filed;
        using (var first = Factory(services => services.AddSingleton<IStorage>(sp => crash.Wrap(new LiteDbStorage(sp.GetRequiredService<OfficeDatabase>(), sp.GetRequiredService<StateCache>())))))
        {
            using var client = first.CreateClient();
            var user = new ConnectorUser(client, "crash-chat", "crash-user");
            await FillInAsync(user, "0912345621");
            crash.Armed = true;

            // The dossier is written, then saving the conversation fails as a power cut would: the conversation still
            // stands at the summary, so the resident's next "Gửi" runs the filing step again.
            var failed = await user.SayAsync("Gửi");
            Assert.Contains(TurnErrorHandler.Apology, failed.Select(a => a.Text));
            filed = Assert.Single(await first.Services.GetRequiredService<DossierDesk>().ListByOwnerAsync("emulator", "crash-user")).Code;
        }

        using var restarted = Factory();
        using var again = restarted.CreateClient();
        var retried = await new ConnectorUser(again, "crash-chat", "crash-user").SayAsync("Gửi");

        Assert.Equal(filed, Code().Match(Unescaped(retried.Texts())).Value);
        Assert.Single(await restarted.Services.GetRequiredService<DossierDesk>().ListByOwnerAsync("emulator", "crash-user"));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private StaffApiFactory Factory(Action<IServiceCollection>? services = null)
    {
        var factory = new StaffApiFactory { ExtraServices = services };
        factory.Settings["Storage:DatabasePath"] = DatabasePath;
        return factory;
    }

    private static async Task FillInAsync(ConnectorUser user, string phone)
    {
        foreach (var answer in new[] { "Nộp hồ sơ trước", "khai sinh", "Hồ Thị Lan", phone, "Thôn 2", "thứ hai" })
        {
            await user.SayAsync(answer);
        }
        Assert.Contains("Gửi", (await user.SayAsync("Bỏ qua")).Buttons());
    }

    /// <summary>The text as shown: the code comes alone in a Markdown message, whose "000." is escaped so as not to start a list.</summary>
    private static string Unescaped(string text) => text.Replace(@"\.", ".", StringComparison.Ordinal);

    [GeneratedRegex(@"000\.32\.30\.H49-\d{6}-\d{4}")]
    private static partial Regex Code();

    /// <summary>Bot state storage whose writes fail once armed, after the turn has filed its dossier.</summary>
    private sealed class CrashAfterFiling
    {
        public bool Armed { get; set; }

        public IStorage Wrap(IStorage inner) => new Storage(inner, this);

        private sealed class Storage(IStorage inner, CrashAfterFiling crash) : IStorage
        {
            public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
                inner.ReadAsync(keys, cancellationToken);

            public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
                crash.Armed ? throw new IOException("power cut") : inner.WriteAsync(changes, cancellationToken);

            public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
        }
    }
}
