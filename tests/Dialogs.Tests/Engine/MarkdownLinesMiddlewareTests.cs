using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Tests.Engine;

/// <summary>Lines reach each channel as lines: Markdown hard breaks where Markdown is rendered, "\n" elsewhere.</summary>
public sealed class MarkdownLinesMiddlewareTests
{
    [Theory]
    [InlineData("Giấy tờ cần mang:\n1. Tờ khai\n2. Căn cước", "Giấy tờ cần mang:  \n1\\. Tờ khai  \n2\\. Căn cước")]
    [InlineData("Mã *quan trọng* và tên_riêng", "Mã \\*quan trọng\\* và tên\\_riêng")]
    [InlineData("- gạch đầu dòng\n# không phải tiêu đề\n> không trích", "\\- gạch đầu dòng  \n\\# không phải tiêu đề  \n\\> không trích")]
    [InlineData("Đoạn một\n\nĐoạn hai", "Đoạn một\n\nĐoạn hai")]
    [InlineData("Điện thoại: 09******21", "Điện thoại: 09\\*\\*\\*\\*\\*\\*21")]
    [InlineData("Lệ phí: 15.000 đồng. 2 bản.", "Lệ phí: 15.000 đồng. 2 bản.")]
    [InlineData("[link](javascript:x) <b>", "\\[link\\](javascript:x) \\<b\\>")]
    [InlineData("        thụt vào", "   thụt vào")]
    [InlineData("10) mười\n2026. năm", "10\\) mười  \n2026\\. năm")]
    public void Markdown_shows_each_line_and_character_as_written(string text, string markdown) =>
        Assert.Equal(markdown, MarkdownLinesMiddleware.ToMarkdown(text));

    [Theory]
    [InlineData("webchat", true)]
    [InlineData("directline", true)]
    [InlineData("emulator", true)]
    [InlineData("msteams", true)]
    [InlineData("zalo", false)]
    [InlineData("console", false)]
    public async Task Every_reply_of_a_turn_is_written_for_its_channel(string channel, bool markdown)
    {
        var reference = TestAdapter.CreateConversation("lines");
        reference.ChannelId = channel;
        var adapter = new TestAdapter(reference).Use(new MarkdownLinesMiddleware());

        await new TestFlow(adapter, (turn, ct) => turn.SendActivityAsync("Thủ tục: Khai sinh\nMã: 000.32.30.H49-231120-0012", cancellationToken: ct))
            .Send("tra cứu")
            .AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal(markdown ? "Thủ tục: Khai sinh  \nMã: 000.32.30.H49-231120-0012" : "Thủ tục: Khai sinh\nMã: 000.32.30.H49-231120-0012", message.Text);
                Assert.Equal(markdown ? TextFormatTypes.Markdown : null, message.TextFormat);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_plain_text_message_is_left_as_it_is()
    {
        var reference = TestAdapter.CreateConversation("plain");
        reference.ChannelId = "webchat";
        var adapter = new TestAdapter(reference).Use(new MarkdownLinesMiddleware());
        var plain = MessageFactory.Text("a*b\nc");
        plain.TextFormat = TextFormatTypes.Plain;

        await new TestFlow(adapter, (turn, ct) => turn.SendActivityAsync(plain, ct))
            .Send("x")
            .AssertReply(activity => Assert.Equal("a*b\nc", ((IMessageActivity)activity).Text))
            .StartTestAsync();
    }
}
