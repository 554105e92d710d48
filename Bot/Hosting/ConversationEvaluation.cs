using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Dialogs;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// Runs held-out conversations through the real dialogs: the SDK's TestAdapter, the shipped configuration, fresh
/// in-memory conversation state for each, a database file of its own, and a fixed clock, so every run reads the same.
/// </summary>
public static class ConversationEvaluation
{
    /// <summary>Thursday 26/11/2026, 09:00 in Vietnam: a working day, in office hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    public static async Task<ConversationReport> RunAsync(IServiceProvider host, string path, CancellationToken cancellationToken)
    {
        var cases = ConversationSet.Load(path);
        var folder = Path.Combine(Path.GetTempPath(), "onestop-eval", Guid.NewGuid().ToString("N"));
        try
        {
            var results = new List<(ConversationCase, IReadOnlyList<ConversationTurnResult>)>(cases.Count);
            foreach (var conversation in cases)
            {
                // A provider per conversation: fresh state and a fresh clock, so no conversation leans on another.
                await using var services = Services(host, Path.Combine(folder, $"{results.Count}.db"));
                results.Add((conversation, await RunAsync(services, conversation, cancellationToken)));
            }

            return new ConversationReport(Path.GetFileName(path), results);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static ServiceProvider Services(IServiceProvider host, string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(host.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        services.AddSingleton(host.GetRequiredService<ProcedureCatalog>());
        services.AddSingleton(host.GetRequiredService<MessageUnderstanding>());
        services.AddSingleton(host.GetRequiredService<ProcedureIndex>());
        services.AddOffice(configuration);
        services.AddDialogs();
        services.AddDossierStatusNotices();
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services.BuildServiceProvider();
    }

    private static async Task<IReadOnlyList<ConversationTurnResult>> RunAsync(ServiceProvider services, ConversationCase conversation, CancellationToken cancellationToken)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(conversation.Id));
        // As every channel's pipeline does: the words a resident may not know are explained in what is sent.
        adapter.Use(services.GetRequiredService<PlainWords>());
        var staff = services.GetRequiredService<IOptions<StaffOptions>>().Value;
        var runner = services.GetRequiredService<ConversationRunner>();
        var state = services.GetRequiredService<ConversationState>();
        // A resident of the first commune configured (the only one of a one-commune deployment), whose facts are scored.
        var commune = services.GetRequiredService<CommuneDirectory>().All[0];
        var communes = services.GetRequiredService<CommuneContext>();
        var results = new List<ConversationTurnResult>(conversation.Turns.Count);
        foreach (var turn in conversation.Turns)
        {
            await adapter.SendTextToBotAsync(turn.Say, async (context, token) =>
            {
                // The test adapter stands for an authenticated channel: its user id is who the user is.
                context.SetVerifiedCaller(VerifiedCaller.ChannelUser(context.ChatAddress(), staff));
                using var scope = communes.Enter(commune);
                await runner.RunMessageAsync(context, token);
                await state.SaveChangesAsync(context, force: false, token);
            }, cancellationToken);
            var replies = new List<string>();
            while (adapter.GetNextReply() is { } reply)
            {
                if (reply is IMessageActivity { Type: ActivityTypes.Message } message)
                {
                    // Only what is said counts: a button's title ("Làm trực tuyến") states no fact.
                    replies.Add(message.Text ?? string.Empty);
                }
            }

            results.Add(new ConversationTurnResult(turn, string.Join('\n', replies)));
        }

        return results;
    }
}
