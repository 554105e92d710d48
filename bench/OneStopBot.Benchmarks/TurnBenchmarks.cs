using BenchmarkDotNet.Attributes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStopBot.Bot.Hosting;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Benchmarks;

/// <summary>
/// One resident's turn through the whole bot (root bot, router, understanding, dialog stack, state saved) over the
/// SDK's TestAdapter with in-memory state. Baseline: a first question in a new conversation. Against it: a follow-up
/// in a conversation that already has the procedure in context (target: within 20% of the first).
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private const string FirstQuestion = "làm giấy khai sinh cho con cần giấy tờ gì";
    private const string FollowUp = "con phi thi sao";

    private string directory = string.Empty;
    private Microsoft.Extensions.Hosting.IHost? host;
    private TestAdapter adapter = null!;
    private IBot bot = null!;
    private ConversationReference inContext = null!;
    private int conversations;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        directory = Path.Combine(Path.GetTempPath(), "onestop-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddOneStopBot();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(directory, "onestop.db") });
        builder.Services.AddSingleton<IStorage>(new MemoryStorage());
        host = builder.Build();
        bot = host.Services.GetRequiredService<IBot>();
        adapter = new TestAdapter(TestAdapter.CreateConversation("bench"));
        inContext = NewConversation();
        // The follow-up's conversation has had its first answer: the procedure is in context, and the follow-up is about it.
        var procedure = host.Services.GetRequiredService<ProcedureCatalog>().Find("khai-sinh")!;
        await TurnAsync(inContext, FirstQuestion);
        if (!(await TurnAsync(inContext, FollowUp)).StartsWith(procedure.SimpleName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The follow-up was not answered about the procedure in context.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        host?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<string> First_question() => TurnAsync(NewConversation(), FirstQuestion);

    [Benchmark]
    public Task<string> Follow_up_in_context() => TurnAsync(inContext, FollowUp);

    private ConversationReference NewConversation()
    {
        var number = ++conversations;
        return new ConversationReference
        {
            ChannelId = "test",
            ServiceUrl = "https://test.invalid/",
            User = new ChannelAccount($"resident-{number}", "resident"),
            Bot = new ChannelAccount("bot", "bot"),
            Conversation = new ConversationAccount(id: $"conversation-{number}"),
        };
    }

    /// <summary>Runs one turn and returns its first reply; a turn that answered nothing fails the run.</summary>
    private async Task<string> TurnAsync(ConversationReference conversation, string text)
    {
        var activity = (Activity)Activity.CreateMessageActivity();
        activity.ApplyConversationReference(conversation, isIncoming: true);
        activity.Text = text;
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var first = (adapter.GetNextReply() as IMessageActivity)?.Text ?? throw new InvalidOperationException($"No reply to \"{text}\".");
        // The other replies are drained so that none is left for the next turn to read.
        while (adapter.GetNextReply() is not null)
        {
        }

        return first;
    }
}
