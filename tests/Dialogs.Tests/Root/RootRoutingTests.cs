using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Root;

public sealed class RootRoutingTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("ủy ban xã làm việc mấy giờ")]
    [InlineData("địa chỉ ubnd xã ở đâu")]
    [InlineData("so dien thoai cua xa")]
    public Task Questions_about_the_office_get_its_address_hours_phone_and_villages(string question) =>
        harness.Flow()
            .Send(question)
            .AssertReply(activity =>
            {
                var text = ((Microsoft.Bot.Schema.IMessageActivity)activity).Text;
                Assert.Contains(harness.Office.Address, text, StringComparison.Ordinal);
                Assert.Contains(harness.Office.WorkingHours, text, StringComparison.Ordinal);
                Assert.Contains(harness.Office.Phone, text, StringComparison.Ordinal);
                Assert.Contains(harness.Office.Villages[0], text, StringComparison.Ordinal);
            })
            .StartTestAsync();

    [Theory]
    [InlineData("xin chào")]
    [InlineData("chao em")]
    public Task A_greeting_gets_the_welcome_and_the_menu(string greeting) =>
        harness.Flow()
            .Send(greeting).AssertReplyWithButtons("Chào anh/chị", [.. MainMenu.Items])
            .StartTestAsync();

    [Fact]
    public Task Staff_commands_are_refused_to_residents() =>
        harness.Flow()
            .Send("/thongke").AssertReplyWithButtons("chỉ dành cho cán bộ", [.. MainMenu.Items])
            .StartTestAsync();
}
