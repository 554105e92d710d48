using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Dialogs.Communes;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;

namespace OneStopBot.Dialogs.Tests.Infrastructure;

/// <summary>
/// A conversation with the whole bot (knowledge, office records, every dialog) over the SDK's TestAdapter, configured
/// by the shipped appsettings.json, with a fake clock and a database file of its own.
/// </summary>
public sealed class ConversationHarness : IDisposable
{
    /// <summary>Thursday 26/11/2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly ServiceProvider provider;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-dialog-tests", Guid.NewGuid().ToString("N"));

    /// <param name="storage">Bot state storage; a new MemoryStorage when null.</param>
    /// <param name="replace">Dialogs that take the place of the registered dialog with the same id.</param>
    public ConversationHarness(IStorage? storage = null, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, params Dialog[] replace)
        : this(null, storage, settings, time, replace)
    {
    }

    /// <summary>A conversation with the bot over another catalog than the shipped one, understood by a model trained on it.</summary>
    public static ConversationHarness Over(ProcedureCatalog catalog) => new(catalog, null, null, null, []);

    private ConversationHarness(ProcedureCatalog? catalog, IStorage? storage, IDictionary<string, string?>? settings, FakeTimeProvider? time, Dialog[] replace)
    {
        Time = time ?? new FakeTimeProvider(DefaultStart);
        Storage = storage ?? new MemoryStorage();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "office.db") })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(catalog ?? ShippedKnowledge.Catalog);
        services.AddSingleton(catalog is null ? ShippedKnowledge.Understanding : new MessageUnderstanding(catalog));
        services.AddSingleton(catalog is null ? ShippedKnowledge.Index : new ProcedureIndex(catalog));
        services.AddOffice(configuration);
        services.AddDialogs();
        services.AddDossierStatusNotices();
        services.AddSingleton(Storage);
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        var replaced = replace.Select(d => d.Id).ToHashSet();
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>().Where(d => !replaced.Contains(d.Id)).Concat(replace), sp.GetRequiredService<DialogTelemetry>()));
        provider = services.BuildServiceProvider();
        // As every channel's pipeline does: the words a resident may not know are explained in what is sent.
        Adapter.Use(provider.GetRequiredService<PlainWords>());
        Adapter.Use(new ButtonLimit());
        // As a channel does: who the user is (the test adapter stands for an authenticated channel: its user id), the
        // commune it vouches for (a web chat address's), then the pipeline's entry into it.
        Adapter.Use(new ChannelUserOf(provider.GetRequiredService<IOptions<StaffOptions>>()));
        Adapter.Use(new ChannelCommuneOf(() => ChannelCommune is { } id ? Get<CommuneDirectory>().Find(id) : null));
        Adapter.Use(provider.GetRequiredService<CommuneTurns>());
    }

    /// <summary>The commune the channel vouches for in later turns (as a web chat opened at <c>/xa/{id}/</c>); none by default.</summary>
    public string? ChannelCommune { get; set; }

    public FakeTimeProvider Time { get; }

    public IStorage Storage { get; }

    public OfficeOptions Office => provider.GetRequiredService<IOptions<OfficeOptions>>().Value;

    /// <summary>The configured commune <paramref name="id"/>, its facts as the bot answers them.</summary>
    public Commune Commune(string id) => Get<CommuneDirectory>().Find(id) ?? throw new ArgumentException($"No commune {id} is configured.", nameof(id));

    public TestAdapter Adapter { get; } = new(TestAdapter.CreateConversation("harness"));

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public TestFlow Flow() => new(Adapter, TurnAsync);

    /// <summary>A reply without the glossary's explanations, to compare with a procedure file's own sentences.</summary>
    public string Plain(string? text) =>
        Get<ProcedureCatalog>().Glossary.Aggregate(text ?? string.Empty, (plain, term) => plain.Replace($" ({term.Explanation})", string.Empty, StringComparison.Ordinal));

    /// <summary>Sends one message and returns every reply it got, for tables of short conversations.</summary>
    public async Task<IReadOnlyList<IMessageActivity>> SayAsync(string text)
    {
        await Adapter.SendTextToBotAsync(text, TurnAsync, CancellationToken.None);
        var replies = new List<IMessageActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            if (reply is IMessageActivity { Type: ActivityTypes.Message } message)
            {
                replies.Add(message);
            }
        }
        return replies;
    }

    public void Dispose()
    {
        provider.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var runner = provider.GetRequiredService<ConversationRunner>();
        // As the host's bot does: a staff member's turn acts for the member's commune.
        using var commune = provider.GetRequiredService<OneStopBot.Dialogs.Staff.StaffTurnCommune>().Enter(turnContext);
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            await runner.RunMessageAsync(turnContext, cancellationToken);
        }
        else if (turnContext.Activity.Type == ActivityTypes.ConversationUpdate)
        {
            await runner.WelcomeAsync(turnContext, cancellationToken);
        }
        await provider.GetRequiredService<ConversationState>().SaveChangesAsync(turnContext, force: false, cancellationToken);
    }
}

/// <summary>Marks each turn with its user as an authenticated channel does: the user id is who the user is.</summary>
public sealed class ChannelUserOf(IOptions<StaffOptions> staff) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.SetVerifiedCaller(VerifiedCaller.ChannelUser(turnContext.ChatAddress(), staff.Value));
        return next(cancellationToken);
    }
}

/// <summary>Marks each turn with the commune a channel would vouch for, before the pipeline enters it.</summary>
public sealed class ChannelCommuneOf(Func<Commune?> commune) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (commune() is { } vouched)
        {
            turnContext.SetChannelCommune(vouched);
        }
        return next(cancellationToken);
    }
}

/// <summary>Fails the turn of any message with more buttons than a phone shows well, in every conversation of the harness.</summary>
public sealed class ButtonLimit : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        // Checked once every step of the turn has had its say, as the channel receives the messages.
        turnContext.OnSendActivities(async (_, activities, nextSend) =>
        {
            var sent = await nextSend();
            foreach (var activity in activities)
            {
                var buttons = activity.SuggestedActions?.Actions?.Count ?? 0;
                Assert.True(buttons <= Replies.MaxButtons, $"{buttons} buttons under \"{activity.Text}\"");
            }
            return sent;
        });
        return next(cancellationToken);
    }
}

public static class TestFlowExtensions
{
    /// <summary>Expects a reply whose text contains <paramref name="expected"/> (case-sensitive).</summary>
    public static TestFlow AssertReplyContains(this TestFlow flow, string expected) =>
        flow.AssertReply(activity => Assert.Contains(expected, ((IMessageActivity)activity).Text, StringComparison.Ordinal));

    /// <summary>Expects a reply offering exactly these buttons: the first page of them when they are more than fit.</summary>
    public static TestFlow AssertReplyWithButtons(this TestFlow flow, string expectedText, params string[] buttons) =>
        flow.AssertReply(activity =>
        {
            var message = (IMessageActivity)activity;
            Assert.Contains(expectedText, message.Text, StringComparison.Ordinal);
            Assert.Equal(Replies.Page(buttons, 0) ?? [], message.SuggestedActions?.Actions.Select(a => a.Title) ?? []);
        });
}
