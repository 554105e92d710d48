using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace OneStopBot.Bot.Tests.Zalo;

[Collection(SharedZaloHost.Name)]
public sealed class ZaloSendingTests(SharedZaloHost shared)
{
    private const string OAuthPath = "/v4/oa/access_token";

    private readonly ZaloTestHost host = shared.Host;

    [Theory]
    [InlineData(-230)]
    [InlineData(-227)]
    [InlineData(-213)]
    public async Task An_unreachable_user_fails_the_delivery_at_once_without_retry(int error)
    {
        var user = host.NewUser();
        host.Api.FailSends(error, user);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => SendProactiveAsync(host, user, "Hồ sơ của anh/chị đã có kết quả."));

        Assert.False(failure.IsTransient);
        Assert.Contains(error.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Reason);
        Assert.Single(host.Api.SentTo(user));
    }

    /// <summary>Retrying is the outbox's alone: the sender makes one call and says whether another try is worth it.</summary>
    [Theory]
    [InlineData(-32, true)]
    [InlineData(502, true)]
    public async Task A_rate_limited_or_failed_send_is_one_call_that_fails_as_transient(int error, bool transient)
    {
        var user = host.NewUser();
        host.Api.FailFirstSend(user, error > 0
            ? Response.Create().WithStatusCode(error)
            : Response.Create().WithStatusCode(200).WithBodyAsJson(new { error, message = "Request limit exceeded" }));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => SendProactiveAsync(host, user, "Thông báo lịch tiêm phòng."));

        Assert.Equal(transient, failure.IsTransient);
        Assert.Single(host.Api.SentTo(user));
    }

    /// <summary>
    /// One outbox attempt against an API that keeps refusing: the outbox's quick retries and nothing else, so at most
    /// (quick retries + 1) tries of one call each, or two with a token refresh between them; then the row waits for its
    /// next round.
    /// </summary>
    [Theory]
    [InlineData(-32, 1)]
    [InlineData(-216, 2)]
    [InlineData(503, 1)]
    public async Task One_outbox_attempt_calls_the_api_a_bounded_number_of_times(int error, int callsPerTry)
    {
        await using var own = new ZaloTestHost(settings =>
        {
            settings["Outbox:QuickRetries"] = "2";
            settings["Outbox:QuickRetryDelay"] = "00:00:00";
        });
        var user = own.NewUser();
        if (error > 0)
        {
            own.Api.Server.Given(Request.Create().WithPath("/v3.0/oa/message/cs").UsingPost()).AtPriority(1).RespondWith(Response.Create().WithStatusCode(error));
        }
        else
        {
            own.Api.FailSends(error, user);
        }
        own.Api.Server.Given(Request.Create().WithPath(OAuthPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "access-2", refresh_token = "refresh-2", expires_in = "90000" }));
        var outbox = own.Services.GetRequiredService<Outbox>();

        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, Reference(user).ToChatAddress(), "Hồ sơ đã có kết quả."));
        await own.Api.WaitForAsync(_ => outbox.Get(row.Id)!.Attempts == 1);

        Assert.Equal(DeliveryState.Pending, outbox.Get(row.Id)!.State);
        Assert.Equal((2 + 1) * callsPerTry, own.Api.SentTo(user).Count);
    }

    [Fact]
    public async Task A_proactive_message_goes_through_the_same_sender_with_its_choices()
    {
        var user = host.NewUser();

        await host.Services.GetServices<IProactiveChannel>().Single(c => c.CanReach(Reference(user)))
            .ContinueConversationAsync(Reference(user), (turn, ct) => turn.SendActivityAsync(
                MessageFactory.SuggestedActions(actions: new List<string> { "Đánh giá", "Gặp cán bộ" }, text: "Hồ sơ đã có kết quả.", ssml: null, inputHint: null), ct),
                CancellationToken.None);
        await host.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "1"));

        var sent = await host.Api.WaitForCountAsync(user, 2);
        Assert.Equal("Hồ sơ đã có kết quả.\n\nGõ 1 để chọn: Đánh giá\nGõ 2 để chọn: Gặp cán bộ", sent[0].Text);
        Assert.Equal(ZaloTestHost.AccessToken, sent[0].AccessToken);
        Assert.Equal("Đã nhận: Đánh giá", sent[1].Text);
    }

    [Theory]
    [InlineData("zalo", true)]
    [InlineData("Zalo", true)]
    [InlineData("msteams", false)]
    [InlineData("directline", false)]
    public void Only_zalo_conversations_are_reachable(string channelId, bool reachable)
    {
        var adapter = host.Services.GetRequiredService<ZaloAdapter>();

        Assert.Equal(reachable, adapter.CanReach(new ConversationReference { ChannelId = channelId }));
    }

    [Fact]
    public async Task A_rejected_token_is_refreshed_once_the_new_pair_is_stored_and_the_message_sent_again()
    {
        await using var own = new ZaloTestHost();
        var user = own.NewUser();
        own.Api.FailSends(-216, accessToken: ZaloTestHost.AccessToken);
        own.Api.Server.Given(Request.Create().WithPath(OAuthPath).UsingPost().WithHeader("secret_key", ZaloTestHost.AppSecret))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                access_token = "access-2",
                refresh_token = "refresh-2",
                expires_in = "90000",
            }));

        await own.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "xin chào"));
        var sent = await own.Api.WaitForCountAsync(2);

        Assert.Equal([ZaloTestHost.AccessToken, "access-2"], sent.Select(m => m.AccessToken));
        Assert.Equal(sent[0].RawBody, sent[1].RawBody);
        var refresh = Assert.Single(own.Api.Requests(OAuthPath)).RequestMessage;
        var form = QueryHelpers.ParseQuery(refresh.Body);
        Assert.Equal(ZaloTestHost.RefreshToken, form["refresh_token"]);
        Assert.Equal(ZaloTestHost.AppId, form["app_id"]);
        Assert.Equal("refresh_token", form["grant_type"]);

        var stored = own.Services.GetRequiredService<ChannelTokenStore>().Find("zalo");
        Assert.NotNull(stored);
        Assert.Equal(("access-2", "refresh-2"), (stored.AccessToken, stored.RefreshToken));

        // The next message uses the new token straight away.
        await own.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-2", "cảm ơn"));
        sent = await own.Api.WaitForCountAsync(3);
        Assert.Equal("access-2", sent[2].AccessToken);
        Assert.Single(own.Api.Requests(OAuthPath));
    }

    [Fact]
    public async Task Tokens_in_the_database_win_over_configuration()
    {
        await using var own = new ZaloTestHost();
        var user = own.NewUser();
        own.Services.GetRequiredService<ChannelTokenStore>()
            .Save(new ChannelTokens("zalo", "access-stored", "refresh-stored", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));

        await own.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "xin chào"));

        var sent = Assert.Single(await own.Api.WaitForCountAsync(1));
        Assert.Equal("access-stored", sent.AccessToken);
    }

    [Fact]
    public async Task A_refused_refresh_fails_the_delivery_as_transient_and_keeps_the_old_pair()
    {
        await using var own = new ZaloTestHost();
        var user = own.NewUser();
        own.Api.FailSends(-216);
        own.Api.Server.Given(Request.Create().WithPath(OAuthPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -14014, error_name = "Invalid refresh token" }));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => SendProactiveAsync(own, user, "Thông báo"));

        Assert.True(failure.IsTransient);
        Assert.Contains("-14014", failure.Reason);
        Assert.Single(own.Api.Sent);
        Assert.Null(own.Services.GetRequiredService<ChannelTokenStore>().Find("zalo"));
    }

    [Fact]
    public async Task A_question_is_answered_by_the_application_bot()
    {
        await using var own = new ZaloTestHost(realBot: true);
        var user = own.NewUser();

        await own.PostAcceptedAsync(ZaloEvents.Text(user, $"{user}-1", "làm giấy khai sinh cần gì"));

        var sent = await own.Api.WaitForCountAsync(user, 1);
        Assert.All(sent, m => Assert.Equal(ZaloTestHost.AccessToken, m.AccessToken));
        Assert.All(sent, m => Assert.InRange(m.Text.Length, 1, 2000));
    }

    private static ConversationReference Reference(string user) => new()
    {
        ChannelId = "zalo",
        User = new ChannelAccount(user),
        Bot = new ChannelAccount(ZaloTestHost.OaId),
        Conversation = new ConversationAccount { Id = user },
        ServiceUrl = "https://openapi.zalo.me",
    };

    private static Task SendProactiveAsync(ZaloTestHost host, string user, string text) =>
        host.Services.GetServices<IProactiveChannel>().Single(c => c.CanReach(Reference(user)))
            .ContinueConversationAsync(Reference(user), (turn, ct) => turn.SendActivityAsync(text, cancellationToken: ct), CancellationToken.None);
}
