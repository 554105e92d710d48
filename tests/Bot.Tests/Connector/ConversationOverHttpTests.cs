using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;

namespace OneStopBot.Bot.Tests.Connector;

/// <summary>A resident talking to the bot over /api/messages, replies returned in the HTTP response.</summary>
public class ConversationOverHttpTests
{
    [Fact]
    public async Task A_new_user_is_welcomed_walks_a_prompt_cancels_it_and_gets_the_menu_back()
    {
        using var factory = new OneStopBotFactory();
        using var client = factory.CreateClient();
        var user = new ConnectorUser(client, conversationId: "walk");

        var welcome = await user.JoinAsync();
        Assert.Contains("Chào anh/chị", welcome.Texts(), StringComparison.Ordinal);

        var prompt = await user.SayAsync("Hỏi thủ tục");
        Assert.Contains("thủ tục gì", prompt.Texts(), StringComparison.Ordinal);

        var cancelled = await user.SayAsync("huỷ");
        Assert.Contains("đã dừng", cancelled.Texts(), StringComparison.Ordinal);
        Assert.Equal(Replies.Page(MainMenu.Items, 0), cancelled.Buttons());
    }

    [Fact]
    public async Task A_question_gets_the_procedure_answer()
    {
        using var factory = new OneStopBotFactory();
        using var client = factory.CreateClient();
        var replies = await new ConnectorUser(client, conversationId: "ask").SayAsync("lam giay khai sinh cho con");
        Assert.Contains("khai sinh", replies.Texts(), StringComparison.Ordinal);
        Assert.Contains("Giấy tờ cần mang", replies.Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_goes_on_where_it_was_after_the_host_restarts()
    {
        using var first = new OneStopBotFactory();
        using (var client = first.CreateClient())
        {
            var prompt = await new ConnectorUser(client, conversationId: "restart").SayAsync("Hỏi thủ tục");
            Assert.Contains("thủ tục gì", prompt.Texts(), StringComparison.Ordinal);
        }
        first.Dispose();

        using var second = first.Restarted();
        using var restartedClient = second.CreateClient();
        var answer = await new ConnectorUser(restartedClient, conversationId: "restart").SayAsync("đăng ký kết hôn");
        Assert.Contains("kết hôn", answer.Texts(), StringComparison.Ordinal);
        Assert.Contains("Giấy tờ cần mang", answer.Texts(), StringComparison.Ordinal);
    }
}
