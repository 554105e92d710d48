using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Office.Channels;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloSendingTests
{
    private const string User = "2512523625412515";
    private const string CsPath = "/v3.0/oa/message/cs";

    private static readonly ConversationReference Reference = new()
    {
        ChannelId = "zalo",
        User = new ChannelAccount(User),
        Bot = new ChannelAccount(ZaloTestHost.OaId),
        Conversation = new ConversationAccount { Id = User },
        ServiceUrl = "https://openapi.zalo.me",
    };

    [Fact]
    public async Task A_rejected_token_is_refreshed_once_the_new_pair_is_stored_and_the_message_sent_again()
    {
        await using var host = new ZaloTestHost();
        host.Api.FailSends(-216, accessToken: ZaloTestHost.AccessToken);
        host.Api.Server.Given(Request.Create().WithPath("/v4/oa/access_token").UsingPost().WithHeader("secret_key", ZaloTestHost.AppSecret))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                access_token = "access-2",
                refresh_token = "refresh-2",
                expires_in = "90000",
            }));

        await host.PostAcceptedAsync(ZaloEvents.Text(User, "msg-1", "xin chào"));
        var sent = await host.Api.WaitForCountAsync(2);

        Assert.Equal([ZaloTestHost.AccessToken, "access-2"], sent.Select(m => m.AccessToken));
        Assert.Equal(sent[0].RawBody, sent[1].RawBody);
        var refresh = Assert.Single(host.Api.Requests("/v4/oa/access_token")).RequestMessage;
        var form = QueryHelpers.ParseQuery(refresh.Body);
        Assert.Equal(ZaloTestHost.RefreshToken, form["refresh_token"]);
        Assert.Equal(ZaloTestHost.AppId, form["app_id"]);
        Assert.Equal("refresh_token", form["grant_type"]);

        var stored = host.Services.GetRequiredService<ChannelTokenStore>().Find("zalo");
        Assert.NotNull(stored);
        Assert.Equal(("access-2", "refresh-2"), (stored.AccessToken, stored.RefreshToken));

        // The next message uses the new token straight away.
        await host.PostAcceptedAsync(ZaloEvents.Text(User, "msg-2", "cảm ơn"));
        sent = await host.Api.WaitForCountAsync(3);
        Assert.Equal("access-2", sent[2].AccessToken);
        Assert.Single(host.Api.Requests("/v4/oa/access_token"));
    }

    [Fact]
    public async Task Tokens_in_the_database_win_over_configuration()
    {
        await using var host = new ZaloTestHost();
        host.Services.GetRequiredService<ChannelTokenStore>()
            .Save(new ChannelTokens("zalo", "access-stored", "refresh-stored", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));

        await host.PostAcceptedAsync(ZaloEvents.Text(User, "msg-1", "xin chào"));

        var sent = Assert.Single(await host.Api.WaitForCountAsync(1));
        Assert.Equal("access-stored", sent.AccessToken);
    }

    [Fact]
    public async Task A_refused_refresh_fails_the_delivery_as_transient_and_keeps_the_old_pair()
    {
        await using var host = new ZaloTestHost();
        host.Api.FailSends(-216);
        host.Api.Server.Given(Request.Create().WithPath("/v4/oa/access_token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -14014, error_name = "Invalid refresh token" }));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => SendProactiveAsync(host, "Thông báo"));

        Assert.True(failure.IsTransient);
        Assert.Contains("-14014", failure.Reason);
        Assert.Single(host.Api.Sent);
        Assert.Null(host.Services.GetRequiredService<ChannelTokenStore>().Find("zalo"));
    }

    [Theory]
    [InlineData(-230)]
    [InlineData(-227)]
    [InlineData(-213)]
    public async Task An_unreachable_user_fails_the_delivery_at_once_without_retry(int error)
    {
        await using var host = new ZaloTestHost();
        host.Api.FailSends(error);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => SendProactiveAsync(host, "Hồ sơ của anh/chị đã có kết quả."));

        Assert.False(failure.IsTransient);
        Assert.Contains(error.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Reason);
        Assert.Single(host.Api.Sent);
    }

    [Fact]
    public async Task Rate_limited_sends_back_off_and_are_retried()
    {
        await using var host = new ZaloTestHost();
        host.Api.Server.Given(Request.Create().WithPath(CsPath).UsingPost())
            .InScenario("busy").WillSetStateTo("calm").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -32, message = "Request limit exceeded" }));

        await SendProactiveAsync(host, "Thông báo lịch tiêm phòng.");

        var sent = host.Api.Sent;
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal("Thông báo lịch tiêm phòng.", m.Text));
    }

    [Fact]
    public async Task Rate_limiting_that_does_not_end_fails_the_delivery_as_transient_after_a_bounded_number_of_tries()
    {
        await using var host = new ZaloTestHost(settings => settings["Zalo:Retry:MaxAttempts"] = "2");
        host.Api.FailSends(-32);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => SendProactiveAsync(host, "Thông báo"));

        Assert.True(failure.IsTransient);
        Assert.Equal(3, host.Api.Sent.Count);
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        await using var host = new ZaloTestHost();
        host.Api.Server.Given(Request.Create().WithPath(CsPath).UsingPost())
            .InScenario("down").WillSetStateTo("up").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(502));

        await SendProactiveAsync(host, "Thông báo");

        Assert.Equal(2, host.Api.Requests(CsPath).Count);
    }

    [Fact]
    public async Task A_proactive_message_goes_through_the_same_sender_with_its_choices()
    {
        await using var host = new ZaloTestHost();

        await host.Services.GetServices<IProactiveChannel>().Single(c => c.CanReach(Reference))
            .ContinueConversationAsync(Reference, (turn, ct) => turn.SendActivityAsync(
                MessageFactory.SuggestedActions(actions: new List<string> { "Đánh giá", "Gặp cán bộ" }, text: "Hồ sơ đã có kết quả.", ssml: null, inputHint: null), ct),
                CancellationToken.None);
        await host.PostAcceptedAsync(ZaloEvents.Text(User, "msg-1", "1"));

        var sent = await host.Api.WaitForCountAsync(2);
        Assert.Equal("Hồ sơ đã có kết quả.\n\nGõ 1 để chọn: Đánh giá\nGõ 2 để chọn: Gặp cán bộ", sent[0].Text);
        Assert.Equal("Đã nhận: Đánh giá", sent[1].Text);
    }

    [Theory]
    [InlineData("zalo", true)]
    [InlineData("Zalo", true)]
    [InlineData("msteams", false)]
    [InlineData("directline", false)]
    public async Task Only_zalo_conversations_are_reachable(string channelId, bool reachable)
    {
        await using var host = new ZaloTestHost();
        var adapter = host.Services.GetRequiredService<ZaloAdapter>();

        Assert.Equal(reachable, adapter.CanReach(new ConversationReference { ChannelId = channelId }));
    }

    [Fact]
    public async Task A_question_is_answered_by_the_application_bot()
    {
        await using var host = new ZaloTestHost(realBot: true);

        await host.PostAcceptedAsync(ZaloEvents.Text(User, "msg-1", "xin chào"));

        var sent = Assert.Single(await host.Api.WaitForCountAsync(1));
        Assert.Equal(User, sent.UserId);
        Assert.Equal(ZaloTestHost.AccessToken, sent.AccessToken);
        Assert.False(string.IsNullOrWhiteSpace(sent.Text));
    }

    private static Task SendProactiveAsync(ZaloTestHost host, string text) =>
        host.Services.GetServices<IProactiveChannel>().Single(c => c.CanReach(Reference))
            .ContinueConversationAsync(Reference, (turn, ct) => turn.SendActivityAsync(text, cancellationToken: ct), CancellationToken.None);
}
