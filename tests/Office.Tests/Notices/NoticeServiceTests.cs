using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Tests.Notices;

public sealed class NoticeServiceTests : IDisposable
{
    private readonly NoticeTestHost host = new();

    private NoticeService Service => host.Get<NoticeService>();
    private Outbox Outbox => host.Get<Outbox>();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Empty_text_is_refused_naming_the_field(string? text)
    {
        var outcome = Service.Broadcast(text, null, "api");

        Assert.False(outcome.Succeeded);
        Assert.Equal("text", outcome.Error!.Field);
        Assert.Equal(InputProblem.Empty, outcome.Error.Problem);
    }

    [Fact]
    public void Text_over_2000_characters_is_refused_and_2000_is_accepted()
    {
        var tooLong = Service.Broadcast(new string('a', 2001), null, "api");
        var longest = Service.Broadcast(new string('a', 2000), null, "api");

        Assert.Equal("text", tooLong.Error!.Field);
        Assert.Equal((InputProblem.TooLong, 2001, 2000), (tooLong.Error.Problem, tooLong.Error.Length, tooLong.Error.Limit));
        Assert.True(longest.Succeeded);
    }

    [Theory]
    [InlineData("Thôn 2", "Thôn 2")]
    [InlineData("thôn 2", "Thôn 2")]
    [InlineData("2", "Thôn 2")]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    public void Villages_are_matched_to_the_configured_spelling(string? given, string? expected)
    {
        var outcome = Service.Broadcast("Họp thôn 🏠", given, "api");

        Assert.True(outcome.Succeeded);
        Assert.Equal(expected, outcome.Value!.Village);
        Assert.Equal("Họp thôn 🏠", host.Get<NoticeStore>().Get(outcome.Value.Id)!.Text);
    }

    [Theory]
    [InlineData("Thôn Không Có")]
    [InlineData("'; DROP TABLE --")]
    public void An_unknown_village_is_refused_with_the_list(string village)
    {
        var outcome = Service.Subscribe(NoticeTestHost.Chat("u1"), village);

        Assert.Equal("village", outcome.Error!.Field);
        Assert.Equal((InputProblem.UnknownVillage, village), (outcome.Error.Problem, outcome.Error.Given));
        Assert.Contains("Thôn 3", outcome.Error.Choices!);
        Assert.False(host.Get<SubscriptionStore>().IsSubscribed(NoticeTestHost.Chat("u1")));
    }

    [Fact]
    public void A_rating_request_offers_the_choices_it_is_given()
    {
        var outcome = Service.RequestRating(NoticeTestHost.Chat("u1"), "Hồ sơ 000.32.30.H49-261130-0001 đã trả kết quả.", ["good", "fair", "bad"]);

        var row = Outbox.Get(outcome.Value!.Id)!;
        Assert.Equal(DeliveryKind.RatingRequest, row.Kind);
        Assert.Equal(["good", "fair", "bad"], row.Actions);
        Assert.Contains("000.32.30.H49-261130-0001", row.Text);
    }

    [Fact]
    public void A_status_change_goes_through_the_outbox_and_empty_text_does_not()
    {
        var resident = NoticeTestHost.Chat("u1", "zalo");
        var sent = Service.NotifyStatusChange(resident, "Hồ sơ của anh/chị đã có kết quả.", ["Tra cứu hồ sơ"]);
        var refused = Service.NotifyStatusChange(resident, " ");

        var row = Assert.Single(Outbox.Due(host.Time.GetUtcNow(), 10));
        Assert.Equal(sent.Value!.Id, row.Id);
        Assert.Equal(DeliveryKind.StatusChange, row.Kind);
        Assert.Equal("zalo", row.To.ChannelId);
        Assert.Equal("text", refused.Error!.Field);
    }

    [Fact]
    public void A_question_reaches_the_configured_staff_chats_and_the_answer_reaches_the_resident()
    {
        var handoffs = host.Get<HandoffStore>();
        handoffs.RememberStaffChat(NoticeTestHost.Chat("staff-1"));
        handoffs.RememberStaffChat(NoticeTestHost.Chat("not-staff"));
        var resident = NoticeTestHost.Chat("u1", "zalo");

        var forwarded = Service.ForwardToStaff(resident, "Giấy khai sinh mất thì làm sao?");
        Assert.Equal(1, forwarded.Value!.StaffReached);
        var toStaff = Assert.Single(Outbox.Due(host.Time.GetUtcNow(), 10));
        Assert.Equal(DeliveryKind.StaffForward, toStaff.Kind);
        Assert.Equal(NoticeTestHost.Chat("staff-1"), toStaff.To);
        var reference = forwarded.Value.Handoff.Id;
        Assert.Equal(host.Get<INoticeTexts>().StaffForward(reference, "Giấy khai sinh mất thì làm sao?"), toStaff.Text);
        Outbox.MarkSent(toStaff.Id);

        var answered = Service.ReplyToResident(reference.ToLowerInvariant(), "Anh/chị mang CCCD đến UBND xã.", "Chị Hoa");

        Assert.Equal("Chị Hoa", answered.Value!.AnsweredBy);
        var toResident = Assert.Single(Outbox.Due(host.Time.GetUtcNow(), 10));
        Assert.Equal(DeliveryKind.StaffReply, toResident.Kind);
        Assert.Equal(resident, toResident.To);
        Assert.Contains("mang CCCD", toResident.Text);
    }

    [Theory]
    [InlineData("XXXX", "ok", "reference")]
    [InlineData("", "ok", "reference")]
    public void A_reply_to_an_unknown_reference_is_refused(string reference, string text, string field)
    {
        var outcome = Service.ReplyToResident(reference, text, "Chị Hoa");

        Assert.Equal(field, outcome.Error!.Field);
        Assert.Equal((InputProblem.UnknownReference, reference), (outcome.Error.Problem, outcome.Error.Given));
        Assert.Empty(Outbox.Due(host.Time.GetUtcNow(), 10));
    }

    [Fact]
    public void An_empty_reply_is_refused_and_the_question_stays_open()
    {
        var forwarded = Service.ForwardToStaff(NoticeTestHost.Chat("u1"), "Hỏi");

        var outcome = Service.ReplyToResident(forwarded.Value!.Handoff.Id, "", "Chị Hoa");

        Assert.Equal("text", outcome.Error!.Field);
        Assert.Null(host.Get<HandoffStore>().Find(forwarded.Value.Handoff.Id)!.AnsweredAt);
    }

    public void Dispose() => host.Dispose();
}
