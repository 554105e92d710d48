using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Tests.Dossiers;

/// <summary>Conversations with the harness's bot from chats other than its own adapter's.</summary>
public static class Chats
{
    /// <summary>The user of the harness's own chat (TestAdapter's default).</summary>
    public const string Channel = "test";
    public const string User = "user1";

    /// <summary>A flow from another chat (its own conversation and user) with the same bot and records.</summary>
    public static TestFlow Other(ConversationHarness harness, string user)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("chat-" + user, user)).Use(new ButtonLimit());
        return new TestFlow(adapter, async (turnContext, cancellationToken) =>
        {
            await harness.Get<ConversationRunner>().RunMessageAsync(turnContext, cancellationToken);
            await harness.Get<ConversationState>().SaveChangesAsync(turnContext, force: false, cancellationToken);
        });
    }

    /// <summary>
    /// Pre-registers a birth registration for Mon 30/11/2026, with the given phone, answering every question. The first
    /// dossier of a chat is followed by the offer of notices, which the next message may leave unanswered.
    /// </summary>
    public static TestFlow PreRegister(this TestFlow flow, string phone = "0912345621", bool firstInChat = true)
    {
        var filed = flow.PreRegisterWithoutOffer(phone);
        return firstInChat
            ? filed.AssertReplyContains(TextTemplate.Fill(Dialogs.Notices.OfferNoticesTexts.Ask, "Thôn 2"))
            : filed;
    }

    /// <summary>
    /// Pre-registers as <see cref="PreRegister"/> does, up to the offer of notices; <paramref name="name"/> as typed,
    /// and as the summary must show it.
    /// </summary>
    public static TestFlow PreRegisterWithoutOffer(this TestFlow flow, string phone = "0912345621", string name = "Hồ Thị Lan", string shownName = "Hồ Thị Lan") =>
        flow.Send("Nộp hồ sơ trước").AssertReply(Dialogs.Dossiers.PreRegisterTexts.AskProcedure)
            .Send("khai sinh").AssertReplyContains("Nộp hồ sơ trước: ")
            .AssertReplyContains(Dialogs.Dossiers.PreRegisterTexts.AskName)
            .Send(name).AssertReply(Dialogs.Dossiers.PreRegisterTexts.AskPhone)
            .Send(phone).AssertReplyContains(Dialogs.Dossiers.PreRegisterTexts.AskVillage)
            .Send("Thôn 2").AssertReplyContains("ngày nào?")
            .Send("thứ hai").AssertReplyContains(Dialogs.Dossiers.PreRegisterTexts.AskCitizenId)
            .Send("Bỏ qua").AssertReplyContains(Dialogs.Dossiers.PreRegisterTexts.SummaryName + shownName)
            .Send("Gửi").AssertReply(Dialogs.Dossiers.PreRegisterTexts.Done)
            .AssertReplyContains("Giấy tờ cần mang:")
            .AssertReplyContains("thứ Hai, 30/11/2026")
            .AssertReply(Dialogs.Dossiers.PreRegisterTexts.CodeFollows)
            .AssertReply(activity => Assert.Matches(@"^000\.32\.30\.H49-\d{6}-\d{4}$", ((Microsoft.Bot.Schema.IMessageActivity)activity).Text))
            .AssertReplyContains("ngày dự kiến có kết quả");

    /// <summary>Takes <paramref name="count"/> replies whatever they say (a procedure answer's several messages).</summary>
    public static TestFlow SkipReplies(this TestFlow flow, int count) =>
        Enumerable.Range(0, count).Aggregate(flow, (next, _) => next.AssertReply(activity => Assert.NotNull(activity)));
}
