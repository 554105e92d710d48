using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Console;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Console;

public class ConsoleAdapterTests
{
    [Fact]
    public async Task Buttons_are_numbered_and_a_typed_number_is_that_choice()
    {
        using var factory = new OneStopBotFactory();
        var services = factory.Services;
        var output = new StringWriter();
        var adapter = new ConsoleAdapter(new StringReader("1\nhuỷ\n"), output, services.GetRequiredService<TurnPipeline>());

        await adapter.RunAsync(services.GetRequiredService<IBot>(), CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("Gõ 1 để chọn: Hỏi thủ tục", text, StringComparison.Ordinal);
        Assert.Contains("thủ tục gì", text, StringComparison.Ordinal);
        Assert.Contains("đã dừng", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_typed_at_a_question_in_words_is_not_an_earlier_messages_button()
    {
        using var factory = new OneStopBotFactory();
        var services = factory.Services;
        var output = new StringWriter();
        // The answer offers numbered buttons; the name question after it offers none (a procedure not filed online, so
        // no "Làm trực tuyến" button), so "1" is a (wrong) name.
        var input = new StringReader("chung thuc ban sao can giay to gi\nNộp hồ sơ trước\n1\nhuỷ\n");
        var adapter = new ConsoleAdapter(input, output, services.GetRequiredService<TurnPipeline>());

        await adapter.RunAsync(services.GetRequiredService<IBot>(), CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("Gõ 1 để chọn: Lệ phí", text, StringComparison.Ordinal);
        Assert.Contains("Họ tên không có chữ số", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lệ Phí", text, StringComparison.Ordinal);
    }
}
