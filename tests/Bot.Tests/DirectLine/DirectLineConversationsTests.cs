using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.DirectLine;

public sealed class DirectLineConversationsTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
    private readonly OfficeDatabase database;
    private readonly DirectLineConversations conversations;

    public DirectLineConversationsTests()
    {
        database = Database();
        conversations = Conversations(maxConversations: 100);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private OfficeDatabase Database() =>
        new(Options.Create(new StorageOptions { DatabasePath = Path.Combine(folder, "onestop.db") }), [new DirectLineTranscriptsSetup()]);

    private DirectLineConversations Conversations(int maxConversations, OfficeDatabase? over = null, int kept = 200) =>
        new(new DirectLineTranscripts(over ?? database),
            Options.Create(new DirectLineOptions
            {
                IdleTimeout = TimeSpan.FromMinutes(10), ConversationExpiry = TimeSpan.FromDays(1), MaxConversations = maxConversations, KeptActivities = kept,
            }),
            time, NullLogger<DirectLineConversations>.Instance);

    private static string Activity(string id, string role = "bot", string text = "xin chào") =>
        $$"""{"id":"{{id}}","type":"message","from":{"id":"x","role":"{{role}}"},"text":"{{text}}"}""";

    [Fact]
    public void When_full_an_idle_conversation_goes_first_and_then_the_quietest_anonymous_one()
    {
        var small = Conversations(maxConversations: 2);
        var first = small.TryCreate("dl_a")!;
        time.Advance(TimeSpan.FromMinutes(5));
        var second = small.TryCreate("dl_b")!;
        time.Advance(TimeSpan.FromMinutes(6));

        var third = small.TryCreate("dl_c")!;
        var fourth = small.TryCreate("dl_d")!;

        Assert.True(first.Closed.IsCancellationRequested);
        Assert.True(second.Closed.IsCancellationRequested);
        Assert.False(third.Closed.IsCancellationRequested);
        Assert.Equal(2, small.Count);
        // Pushed out of memory, not ended: the page that comes back gets it from the database.
        Assert.Equal(first.UserId, small.Find(first.Id)?.UserId);
        Assert.Equal(2, small.Count);
    }

    [Fact]
    public void A_flood_of_visitors_never_pushes_out_a_signed_in_staff_member()
    {
        var small = Conversations(maxConversations: 2);
        var staff = small.TryCreate("hoa", staffName: "Chị Hoa")!;
        for (var i = 0; i < 50; i++)
        {
            Assert.NotNull(small.TryCreate($"dl_{i}"));
        }

        Assert.Same(staff, small.Find(staff.Id));
        var onlyStaff = Conversations(maxConversations: 1);
        onlyStaff.TryCreate("hoa", staffName: "Chị Hoa");
        Assert.Null(onlyStaff.TryCreate("dl_x"));
    }

    [Fact]
    public void The_sweep_drops_only_conversations_idle_past_the_timeout_and_ends_their_streams()
    {
        var idle = conversations.TryCreate("dl_a")!;
        time.Advance(TimeSpan.FromMinutes(6));
        var busy = conversations.TryCreate("dl_b")!;
        time.Advance(TimeSpan.FromMinutes(5));

        var dropped = conversations.RemoveIdle();

        Assert.Equal(1, dropped);
        Assert.Equal(1, conversations.Count);
        Assert.Same(busy, conversations.Find(busy.Id));
        Assert.True(idle.Closed.IsCancellationRequested);
        Assert.False(busy.Closed.IsCancellationRequested);
        Assert.NotSame(idle, conversations.Find(idle.Id));
    }

    [Fact]
    public async Task A_waiting_stream_wakes_when_an_activity_is_appended()
    {
        var conversation = conversations.TryCreate("dl_a")!;
        var waiting = conversation.WaitForActivitiesAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        var id = conversation.Append(id => $$"""{"id":"{{id}}"}""", time.GetUtcNow());
        await waiting;

        Assert.Equal($"{conversation.Id}|0000000", id);
        Assert.Equal(new[] { $$"""{"id":"{{id}}"}""" }, conversation.Read(0).Activities);
        Assert.Empty(conversation.Read(1).Activities);
        Assert.Equal(1, conversation.Read(5).Watermark);
    }

    [Fact]
    public void Ids_of_new_conversations_are_unguessable_and_distinct()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => conversations.TryCreate("dl_a")!.Id).ToHashSet();

        Assert.Equal(50, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public void A_conversation_comes_back_after_a_restart_with_its_transcript_user_and_greeting_state()
    {
        var conversation = conversations.TryCreate("dl_a")!;
        conversation.TryMarkStarted();
        conversation.Append(id => Activity(id), time.GetUtcNow());
        conversation.Append(id => Activity(id, "user", "lam khai sinh"), time.GetUtcNow());
        database.Dispose();

        using var reopened = Database();
        var restored = Conversations(100, reopened).Find(conversation.Id)!;

        Assert.Equal("dl_a", restored.UserId);
        Assert.False(restored.TryMarkStarted());
        Assert.Equal(conversation.Read(0).Activities, restored.Read(0).Activities);
        Assert.Equal(2, restored.Read(0).Watermark);
        Assert.Equal($"{conversation.Id}|0000002", restored.Append(id => Activity(id), time.GetUtcNow()));
    }

    [Fact]
    public void Only_the_last_activities_are_kept_and_watermarks_keep_counting()
    {
        var small = Conversations(100, kept: 20);
        var conversation = small.TryCreate("dl_a")!;
        for (var i = 0; i < 50; i++)
        {
            conversation.Append(id => Activity(id, text: $"tin {i}"), time.GetUtcNow());
        }

        var all = conversation.Read(0);
        var restored = Conversations(100, kept: 20).Find(conversation.Id)!.Read(0);

        Assert.Equal(50, all.Watermark);
        Assert.Equal(20, all.Activities.Count);
        Assert.Contains("tin 30", all.Activities[0]);
        Assert.Equal(all.Activities, restored.Activities);
        Assert.Equal(50, restored.Watermark);
        Assert.Equal(20, database.Collection<StoredActivity>(DirectLineTranscripts.ActivitiesCollection).Count());
        Assert.Single(conversation.Read(49).Activities);
    }

    [Fact]
    public void A_conversation_unused_past_its_expiry_is_deleted_with_its_transcript()
    {
        var old = conversations.TryCreate("dl_a")!;
        old.Append(id => Activity(id), time.GetUtcNow());
        time.Advance(TimeSpan.FromHours(23));
        var recent = conversations.TryCreate("dl_b")!;
        time.Advance(TimeSpan.FromHours(2));

        conversations.RemoveIdle();

        Assert.Null(conversations.Find(old.Id));
        Assert.NotNull(conversations.Find(recent.Id));
        Assert.Equal(0, database.Collection<StoredActivity>(DirectLineTranscripts.ActivitiesCollection).Count());
    }

    [Fact]
    public void Numbers_a_resident_typed_are_masked_in_the_database_only()
    {
        var conversation = conversations.TryCreate("dl_a")!;
        conversation.Append(id => Activity(id, "user", "sdt em 0912345678, cccd 001234567889"), time.GetUtcNow());

        var stored = database.Collection<StoredActivity>(DirectLineTranscripts.ActivitiesCollection).FindAll().Single().Json;

        Assert.Contains("0912345678", conversation.Read(0).Activities[0]);
        Assert.DoesNotContain("0912345678", stored);
        Assert.DoesNotContain("001234567889", stored);
        Assert.Contains("09******78", stored);
    }
}
