using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels.DirectLine;

namespace OneStopBot.Bot.Tests.DirectLine;

public sealed class DirectLineConversationsTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly DirectLineConversations conversations;

    public DirectLineConversationsTests() => conversations = Conversations(maxConversations: 100);

    private DirectLineConversations Conversations(int maxConversations) =>
        new(Options.Create(new DirectLineOptions { IdleTimeout = TimeSpan.FromMinutes(10), MaxConversations = maxConversations }),
            time, NullLogger<DirectLineConversations>.Instance);

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

        Assert.Null(small.Find(first.Id));
        Assert.Null(small.Find(second.Id));
        Assert.NotNull(small.Find(third.Id));
        Assert.NotNull(small.Find(fourth.Id));
        Assert.True(first.Closed.IsCancellationRequested);
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
        Assert.Null(conversations.Find(idle.Id));
        Assert.Same(busy, conversations.Find(busy.Id));
        Assert.True(idle.Closed.IsCancellationRequested);
        Assert.False(busy.Closed.IsCancellationRequested);
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
}
