using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Notices;

public sealed class SubscriptionConversationTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    private Subscription? Subscription(string user = Chats.User) =>
        harness.Get<SubscriptionStore>().Find(new ChatAddress(Chats.Channel, user, "c1"));

    private string[] VillageButtons => [.. harness.Office.Villages, SubscribeTexts.AllVillages];

    [Theory]
    [InlineData("Thôn 2", "Thôn 2")]
    [InlineData("Tất cả các thôn", null)]
    [InlineData("2", "Thôn 2")]
    public async Task Subscribing_asks_the_village_and_confirms(string answer, string? village)
    {
        await harness.Flow()
            .Send(MainMenu.Subscribe).AssertReplyWithButtons(SubscribeTexts.AskVillage, VillageButtons)
            .Send(answer).AssertReplyContains(TextTemplate.Fill(SubscribeTexts.Subscribed, SubscribeDialog.AudienceName(village)))
            .StartTestAsync();

        var subscription = Subscription();
        Assert.NotNull(subscription);
        Assert.Equal(village, subscription.Village);
        Assert.False(string.IsNullOrEmpty(subscription.Chat.ConversationId));
    }

    [Fact]
    public async Task A_subscribed_chat_is_told_so_and_can_change_the_village()
    {
        await harness.Flow()
            .Send(MainMenu.Subscribe).AssertReplyContains(SubscribeTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("Đã đăng ký")
            .Send(MainMenu.Subscribe)
            .AssertReplyWithButtons(TextTemplate.Fill(SubscribeTexts.AlreadySubscribed, "Thôn 3"), SubscribeTexts.Change, SubscribeTexts.Stop, SubscribeTexts.Keep)
            .Send(SubscribeTexts.Change).AssertReplyContains(SubscribeTexts.AskVillage)
            .Send("Tất cả các thôn").AssertReplyContains(TextTemplate.Fill(SubscribeTexts.Changed, "tất cả các thôn"))
            .StartTestAsync();

        Assert.Null(Subscription()!.Village);
    }

    [Theory]
    [InlineData(SubscribeTexts.Stop, UnsubscribeTexts.Stopped, false)]
    [InlineData(SubscribeTexts.Keep, SubscribeTexts.Kept, true)]
    public async Task A_subscribed_chat_can_stop_or_keep_from_the_subscribe_question(string answer, string reply, bool stillSubscribed)
    {
        await harness.Flow()
            .Send(MainMenu.Subscribe).AssertReplyContains(SubscribeTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("Đã đăng ký")
            .Send(MainMenu.Subscribe).AssertReplyContains(TextTemplate.Fill(SubscribeTexts.AlreadySubscribed, "Thôn 3"))
            .Send(answer).AssertReplyContains(reply)
            .StartTestAsync();

        Assert.Equal(stillSubscribed, Subscription() is not null);
    }

    [Theory]
    [InlineData("Không nhận nữa")]
    [InlineData("không muốn nhận thông báo")]
    [InlineData("dừng nhận thông báo")]
    public async Task Unsubscribing_stops_notices_and_says_so_even_when_not_subscribed(string message)
    {
        await harness.Flow()
            .Send(MainMenu.Subscribe).AssertReplyContains(SubscribeTexts.AskVillage)
            .Send("Tất cả các thôn").AssertReplyContains("Đã đăng ký")
            .Send(message).AssertReplyWithButtons(UnsubscribeTexts.Stopped, MainMenu.Subscribe, NoticeButtons.Menu)
            .Send(message).AssertReplyContains(UnsubscribeTexts.NotSubscribed)
            .StartTestAsync();

        Assert.Null(Subscription());
    }

    [Theory]
    [InlineData("Có", "Thôn 2")]
    [InlineData("Không", null)]
    public async Task After_a_pre_registration_the_chat_is_asked_once_whether_it_wants_notices(string answer, string? subscribedVillage)
    {
        await harness.Flow()
            .PreRegisterWithoutOffer()
            .AssertReplyWithButtons(TextTemplate.Fill(OfferNoticesTexts.Ask, "Thôn 2"), "Có", "Không")
            .Send(answer).AssertReplyContains(subscribedVillage is null ? OfferNoticesTexts.Declined : TextTemplate.Fill(SubscribeTexts.Subscribed, subscribedVillage))
            // A second dossier from the same chat is not followed by the question again.
            .PreRegister(phone: "0987654321", firstInChat: false)
            .Send("Xin chào").AssertReply(activity => Assert.DoesNotContain("nhận thông báo của xã", ((Microsoft.Bot.Schema.IMessageActivity)activity).Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(subscribedVillage, Subscription()?.Village);
        // Asked already: the chat cannot be marked as asked again.
        Assert.False(harness.Get<SubscriptionStore>().TryMarkAsked(new ChatAddress(Chats.Channel, Chats.User, "c1")));
    }

    [Fact]
    public async Task Another_message_leaves_the_offer_unanswered_and_is_handled_as_usual()
    {
        await harness.Flow()
            .PreRegister()
            .Send("Tra cứu hồ sơ 261126-0001").AssertReplyContains("Trạng thái: Đã đăng ký trước.")
            .StartTestAsync();

        Assert.Null(Subscription());
        Assert.False(harness.Get<SubscriptionStore>().TryMarkAsked(new ChatAddress(Chats.Channel, Chats.User, "c1")));
    }

    [Fact]
    public async Task A_subscribed_chat_is_not_asked_after_a_pre_registration()
    {
        await harness.Flow()
            .Send(MainMenu.Subscribe).AssertReplyContains(SubscribeTexts.AskVillage)
            .Send("Thôn 3").AssertReplyContains("Đã đăng ký")
            .PreRegister(firstInChat: false)
            .Send("Xin chào").AssertReply(activity => Assert.DoesNotContain("nhận thông báo của xã", ((Microsoft.Bot.Schema.IMessageActivity)activity).Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal("Thôn 3", Subscription()!.Village);
    }
}
