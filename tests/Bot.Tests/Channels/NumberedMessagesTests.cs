using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels;

namespace OneStopBot.Bot.Tests.Channels;

public sealed class NumberedMessagesTests
{
    [Fact]
    public void Plain_text_stays_as_it_is()
    {
        var message = NumberedMessages.Compose(MessageFactory.Text("Lệ phí: 15.000 đồng."));

        Assert.Equal("Lệ phí: 15.000 đồng.", message.Text);
        Assert.Empty(message.Choices);
    }

    [Fact]
    public void A_hero_card_becomes_lines_and_its_buttons_numbered_choices_after_the_suggested_actions_of_the_card()
    {
        var card = new HeroCard
        {
            Title = "Đăng ký khai sinh",
            Subtitle = "Miễn phí",
            Text = "Làm trong ngày.",
            Buttons =
            [
                new CardAction(ActionTypes.ImBack, "Giấy tờ cần mang", value: "giay to khai sinh"),
                new CardAction(ActionTypes.OpenUrl, "Nộp trực tuyến", value: "https://dichvucong.gov.vn"),
                new CardAction(ActionTypes.Call, "Gọi bộ phận một cửa", value: "tel:02353812345"),
            ],
        };
        var activity = MessageFactory.Attachment(card.ToAttachment());
        activity.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.PostBack, "Menu", value: new JObject { ["menu"] = true })] };

        var message = NumberedMessages.Compose(activity);

        Assert.Equal(
            "Đăng ký khai sinh\nMiễn phí\nLàm trong ngày.\nNộp trực tuyến: https://dichvucong.gov.vn\nGọi bộ phận một cửa: 02353812345"
            + "\n\nGõ 1 để chọn: Giấy tờ cần mang\nGõ 2 để chọn: Menu",
            message.Text);
        Assert.Equal("giay to khai sinh", message.Choices[0].Text);
        Assert.Equal("Menu", message.Choices[1].Text);
        Assert.IsType<JObject>(message.Choices[1].Value);
    }

    [Fact]
    public void A_card_that_arrives_as_json_is_read_the_same()
    {
        var json = JObject.FromObject(new HeroCard { Title = "Tiêu đề", Buttons = [new CardAction(ActionTypes.ImBack, "Có", value: "có")] });
        var activity = MessageFactory.Attachment(new Attachment(HeroCard.ContentType, content: json));

        var message = NumberedMessages.Compose(activity);

        Assert.Equal("Tiêu đề\n\nGõ 1 để chọn: Có", message.Text);
    }

    [Fact]
    public void A_file_is_written_out_as_its_link()
    {
        var activity = MessageFactory.Attachment(new Attachment("application/pdf", "https://xa.example/mau-to-khai.pdf", name: "Mẫu tờ khai"));

        Assert.Equal("Mẫu tờ khai: https://xa.example/mau-to-khai.pdf", NumberedMessages.Compose(activity).Text);
    }
}
