using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Tests.Zalo;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Integrity;

/// <summary>
/// Property: no webhook body, however malformed, gets a 5xx from <c>/api/zalo</c>, and no event the webhook takes
/// makes a turn fail. Bodies are generated (CsCheck) signed as Zalo signs them, with every field of the wrong type,
/// missing, hostile or replayed, for a few residents so that their conversations carry state from one to the next.
/// </summary>
[Trait("Category", "Long")]
public sealed class ZaloFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 3_000;
    private const int Residents = 6;

    private readonly ZaloTestHost host = new(realBot: true, services: services => services.AddFakeLogging());

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Gen<JsonNode?> AnyScalar = Gen.OneOf<JsonNode?>(
        Gen.Const((JsonNode?)null),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Fresh(() => new JsonObject()),
        Fresh(() => new JsonArray(1, "a", null)));

    // What residents of the commune type, and what an attacker types.
    private static readonly Gen<string> Typed = Gen.OneOf<string>(
        "khai sinh can giay to gi", "Nộp hồ sơ trước", "Gửi", "huỷ", "tra cứu hồ sơ 261126-0001", "261126-0001", "Hồ Thị Lan",
        "0912345621", "thứ hai", "1", "2", "có", "ko", "Menu", "Trang chủ", "Gặp cán bộ", "đăng ký nhận thông báo", "Thôn 3",
        "hài lòng", "/thongke", "/hoso 261126-0001", "<script>alert(1)</script>", "\u202Eabc", "\0", "💩💩💩", "   ", "");

    private static readonly Gen<JsonNode?> Text = Gen.Frequency(
        (6, Typed.Select(t => (JsonNode?)JsonValue.Create(t))),
        (1, Gen.Char.Array[2_000, 6_000].Select(chars => (JsonNode?)JsonValue.Create(new string(chars)))),
        (3, AnyScalar));

    private static readonly Gen<string> EventName = Gen.OneOf<string>(
        "user_send_text", "user_send_text", "user_send_text", "follow", "unfollow", "user_send_image", "user_send_sticker",
        "user_send_location", "user_send_file", "user_send_gif", "user_submit_info", "oa_send_text", "user_received_message",
        "user_send_", "USER_SEND_TEXT", "");

    private static readonly Gen<JsonNode?> Sender = Gen.Frequency(
        (8, Gen.Int[0, Residents - 1].Select(i => (JsonNode?)new JsonObject { ["id"] = Resident(i) })),
        (2, AnyScalar.Select(id => (JsonNode?)new JsonObject { ["id"] = id })),
        (1, AnyScalar));

    // Fresh ids, a few ids used again (Zalo's redeliveries and replays), and ids of the wrong type.
    private static readonly Gen<JsonNode?> MessageId = Gen.Frequency(
        (6, Gen.Guid.Select(g => (JsonNode?)JsonValue.Create(g.ToString("N")))),
        (2, Gen.Int[0, 20].Select(i => (JsonNode?)JsonValue.Create($"replayed-{i}"))),
        (1, AnyScalar));

    private static readonly Gen<JsonNode?> Attachments = Gen.Frequency(
        (6, Gen.Const((JsonNode?)null)),
        (2, Gen.OneOf<string>("image", "sticker", "gif", "link", "location", "file", "audio", "video").Select(type => (JsonNode?)new JsonArray(
            new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = "https://example.org/a", ["coordinates"] = new JsonObject() } }))),
        (1, AnyScalar));

    /// <summary>Minutes from now, or a stamp that is not one.</summary>
    private static readonly Gen<Func<DateTimeOffset, JsonNode?>> Stamp = Gen.Frequency(
        (8, Gen.Const<Func<DateTimeOffset, JsonNode?>>(now => JsonValue.Create(Millis(now)))),
        (1, Gen.Const<Func<DateTimeOffset, JsonNode?>>(now => JsonValue.Create(long.Parse(Millis(now), CultureInfo.InvariantCulture)))),
        (1, Gen.Int[-600, 600].Select<int, Func<DateTimeOffset, JsonNode?>>(minutes => now => JsonValue.Create(Millis(now.AddMinutes(minutes))))),
        (1, AnyScalar.Select<JsonNode?, Func<DateTimeOffset, JsonNode?>>(value => _ => value?.DeepClone())));

    private static readonly Gen<(string Body, bool Signed)> Body =
        Gen.Select(EventName, Sender, Text, MessageId, Attachments, Stamp, Gen.Int[0, 9])
            .Select((name, sender, text, msgId, attachments, stamp, variant) =>
            {
                var body = new JsonObject
                {
                    ["app_id"] = variant == 0 ? "another-app" : ZaloTestHost.AppId,
                    ["event_name"] = name.Length == 0 ? null : name,
                    ["timestamp"] = stamp(DateTimeOffset.UtcNow),
                    ["recipient"] = new JsonObject { ["id"] = variant == 1 ? "another-oa" : ZaloTestHost.OaId },
                };
                if (name is "follow" or "unfollow")
                {
                    body["follower"] = sender;
                    body["oa_id"] = ZaloTestHost.OaId;
                }
                else
                {
                    body["sender"] = sender;
                    var message = new JsonObject { ["text"] = text, ["msg_id"] = msgId };
                    if (attachments is not null)
                    {
                        message["attachments"] = attachments;
                    }
                    body["message"] = variant == 2 ? text?.DeepClone() : message;
                }
                return (body.ToJsonString(Raw), Signed: variant != 3);
            });

    [Fact]
    public async Task No_generated_webhook_body_gets_a_5xx_and_no_turn_fails()
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        await Body.SampleAsync(async sample =>
        {
            using var response = sample.Signed ? await host.PostAsync(sample.Body) : await host.PostAsync(sample.Body, signature: "0123abcd");
            lock (statuses)
            {
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            }
            if ((int)response.StatusCode < 500)
            {
                return true;
            }
            output.WriteLine($"{(int)response.StatusCode} for {sample.Body}");
            return false;
        }, iter: Cases, threads: 2);

        // Every resident is answered after the generated events: their lanes ran to the end.
        for (var i = 0; i < Residents; i++)
        {
            var before = host.Api.SentTo(Resident(i)).Count;
            await host.PostAcceptedAsync(ZaloEvents.Text(Resident(i), $"last-{i}", "xin chào"));
            await host.Api.WaitForCountAsync(Resident(i), before + 1);
        }
        await WaitUntilIdleAsync();

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        var errors = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        foreach (var error in errors.Take(3))
        {
            output.WriteLine($"{error.Category}: {error.Message}\n{error.Exception}");
        }
        Assert.Empty(errors.Select(r => $"{r.Category}: {r.Message} {r.Exception?.GetType().Name}"));
        Assert.DoesNotContain(host.Api.Sent, m => m.Text.Contains(TurnErrorHandler.Apology, StringComparison.Ordinal));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Cases / 3, "Most generated events should be taken, or the property tests nothing.");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Unauthorized) > 0 && statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    /// <summary>Until no turn is queued or running; the inbox's count falls as each turn completes.</summary>
    private async Task WaitUntilIdleAsync()
    {
        var inbox = host.Services.GetRequiredService<ZaloInboxWorker>();
        using var timeout = new CancellationTokenSource(FakeZaloApi.Patience);
        while (inbox.Pending > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    private static string Resident(int index) => $"90000000000000{index:D2}";

    private static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // A node belongs to one parent: each sample needs its own.
    private static Gen<JsonNode?> Fresh(Func<JsonNode> make) => Gen.Bool.Select(_ => (JsonNode?)make());
}
