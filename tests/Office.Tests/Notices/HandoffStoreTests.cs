using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>What every storage engine's store must do; <see cref="LiteDbHandoffStoreTests"/> runs it on LiteDB.</summary>
public abstract class HandoffStoreContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private IHandoffStore Store => Get<IHandoffStore>();

    [Fact]
    public void References_are_short_unique_and_found_however_staff_type_them()
    {
        var resident = NoticeTestHost.Chat("u1", "zalo");
        var handoffs = Enumerable.Range(0, 200).Select(i => Store.Create(resident, $"Câu hỏi {i}")).ToList();

        Assert.Equal(200, handoffs.Select(h => h.Id).Distinct().Count());
        Assert.All(handoffs, h => Assert.Matches("^[A-HJ-NP-Z2-9]{4}$", h.Id));
        var one = handoffs[17];
        var found = Store.Find($" #{one.Id.ToLowerInvariant()} ");
        Assert.NotNull(found);
        Assert.Equal("Câu hỏi 17", found.Question);
        Assert.Equal(resident, found.Resident);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ZZ")]
    [InlineData("ABCDEFGH")]
    [InlineData("😀😀")]
    public void Malformed_or_unknown_references_find_nothing(string reference) => Assert.Null(Store.Find(reference));

    [Fact]
    public void Answering_records_who_and_when()
    {
        var handoff = Store.Create(NoticeTestHost.Chat("u1"), "Hỏi");
        Time.Advance(TimeSpan.FromMinutes(10));

        Store.MarkAnswered(handoff, "Chị Hoa");

        var found = Store.Find(handoff.Id)!;
        Assert.Equal("Chị Hoa", found.AnsweredBy);
        Assert.Equal(Time.GetUtcNow(), found.AnsweredAt);
    }

    [Fact]
    public void The_open_handoff_of_a_chat_is_its_newest_not_closed_and_is_found_whatever_the_channel_ids_case()
    {
        var resident = NoticeTestHost.Chat("u1", "zalo");
        var older = Store.Create(resident, "Hỏi 1");
        Time.Advance(TimeSpan.FromMinutes(1));
        var newer = Store.Create(resident, "Hỏi 2");
        Store.Create(NoticeTestHost.Chat("u2", "zalo"), "Người khác");

        Assert.Equal(newer.Id, Store.OpenFor(resident with { ChannelId = "Zalo" })?.Id);
        Store.Close(newer, "lan");
        Assert.Equal(older.Id, Store.OpenFor(resident)?.Id);
        Assert.Null(Store.OpenFor(NoticeTestHost.Chat("u1", "emulator")));
        Assert.Equal(2, Store.Open(10).Count);
        Assert.DoesNotContain(newer.Id, Store.Open(10).Select(h => h.Id));
    }

    [Fact]
    public void Messages_come_after_a_cursor_oldest_first_and_only_for_their_handoff()
    {
        var handoff = Store.Create(NoticeTestHost.Chat("u1"), "Hỏi");
        var other = Store.Create(NoticeTestHost.Chat("u2"), "Hỏi khác");
        var first = Store.AddMessage(handoff.Id, null, "một");
        Store.AddMessage(other.Id, null, "không phải");
        Store.AddMessage(handoff.Id, "lan", "hai");

        Assert.Equal(["một", "hai"], Store.Messages(handoff.Id, 0, 10).Select(m => m.Text));
        Assert.Equal(["hai"], Store.Messages(handoff.Id, first.Id, 10).Select(m => m.Text));
        Assert.Empty(Store.Messages(handoff.Id, long.MaxValue, 10));
        Assert.Equal(["một"], Store.Messages(handoff.Id, 0, 1).Select(m => m.Text));
    }

    [Fact]
    public void Staff_chats_are_remembered_once_each()
    {
        Store.RememberStaffChat(NoticeTestHost.Chat("staff-1"));
        Store.RememberStaffChat(NoticeTestHost.Chat("staff-1"));
        Store.RememberStaffChat(NoticeTestHost.Chat("staff-2", "zalo"));

        Assert.Equal(["emulator/staff-1", "zalo/staff-2"], Store.StaffChats().Select(c => c.Id).Order());
    }
}

public sealed class LiteDbHandoffStoreTests : HandoffStoreContract<LiteDbStores>;
