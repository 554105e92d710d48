using System.Net;
using System.Text;
using CsCheck;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Bot.Tests.Staff;
using Xunit.Abstractions;

namespace OneStopBot.Bot.Tests.Integrity;

/// <summary>
/// Property: no activity, however malformed, gets a 5xx. Activities are generated (CsCheck) with every field of the
/// wrong type, missing, null or hostile, over a few conversations so that state carries from one to the next.
/// </summary>
[Trait("Category", "Long")]
public sealed class ActivityFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 10_000;

    private readonly StaffApiFactory factory = new();

    private static readonly Gen<JToken?> AnyScalar = Gen.OneOf<JToken?>(
        Gen.Const((JToken?)null),
        Gen.Const((JToken?)JValue.CreateNull()),
        Gen.Int.Select(i => (JToken?)i),
        Gen.Bool.Select(b => (JToken?)b),
        Gen.Double.Select(d => (JToken?)d),
        Gen.String.Select(s => (JToken?)s),
        Gen.OneOf<string>("Nộp hồ sơ trước", "Gửi", "huỷ", "tra cứu hồ sơ 261126-0001", "/thongke 1/12/9999 31/12/9999", "25/12/9999", "1", "có",
            "khai sinh", "Menu", "Gặp cán bộ", "<script>", "\u202Eabc", "").Select(s => (JToken?)s));

    private static readonly Gen<JToken?> AnyValue = Gen.OneOf(
        AnyScalar,
        AnyScalar.Select(v => (JToken?)new JObject { ["procedure"] = v }),
        AnyScalar.Array[0, 4].Select(items => (JToken?)new JArray(items.Select(i => i ?? JValue.CreateNull()))),
        Gen.Const((JToken?)new JObject { ["procedure"] = new JObject { ["id"] = "khai-sinh" } }));

    private static readonly Gen<JToken?> AnyAccount = Gen.OneOf(
        AnyScalar,
        Gen.Const((JToken?)new JObject()),
        AnyScalar.Select(id => (JToken?)new JObject { ["id"] = id }));

    private static readonly Gen<JObject> Activity =
        Gen.Select(
            Gen.OneOf(Gen.OneOf<string>("message", "conversationUpdate", "event", "invoke", "typing", "endOfConversation", "messageReaction")
                .Select(t => (JToken?)t), AnyScalar),
            Gen.Frequency((6, Gen.OneOf<string>("Nộp hồ sơ trước", "khai sinh", "Hồ Thị Lan", "0912345621", "Gửi", "thứ hai", "Bỏ qua", "1", "2")
                .Select(t => (JToken?)t)), (4, AnyScalar)),
            AnyValue,
            AnyAccount.Array[0, 3],
            Gen.Int[0, 4],
            Gen.Bool)
        .Select((type, text, value, members, conversation, expectReplies) =>
        {
            var activity = new JObject
            {
                ["channelId"] = "emulator",
                ["serviceUrl"] = "http://localhost:1/",
                ["conversation"] = new JObject { ["id"] = $"fuzz-{conversation}" },
                ["from"] = new JObject { ["id"] = $"fuzz-user-{conversation}" },
                ["recipient"] = new JObject { ["id"] = "bot" },
                ["id"] = Guid.NewGuid().ToString("N"),
            };
            Put(activity, "type", type ?? "message");
            Put(activity, "text", text);
            Put(activity, "value", value);
            if (members.Length > 0)
            {
                activity["membersAdded"] = new JArray(members.Select(m => m ?? JValue.CreateNull()));
            }
            if (expectReplies)
            {
                activity["deliveryMode"] = "expectReplies";
            }
            return activity;
        });

    [Fact]
    public async Task No_generated_activity_gets_a_5xx_from_the_connector_endpoint()
    {
        using var client = factory.CreateClient();
        var run = 0;
        await Activity.SampleAsync(async activity =>
        {
            Interlocked.Increment(ref run);
            using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
            return Answered(response, activity);
        }, iter: Cases, threads: 2);
        output.WriteLine($"{run} activities posted to /api/messages, none answered 5xx");
        Assert.Equal(Cases, run);
    }

    [Fact]
    public async Task No_generated_activity_gets_a_5xx_from_the_direct_line_endpoint()
    {
        using var client = factory.CreateClient();
        var directLine = new DirectLineClient(client);
        var conversations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => directLine.StartAsync()));
        var run = 0;
        await Gen.Select(Activity, Gen.Int[0, 3]).SampleAsync(async (activity, index) =>
        {
            Interlocked.Increment(ref run);
            var conversation = conversations[index];
            using var response = await directLine.PostAsync(conversation.Id, conversation.Token, activity.ToString());
            return response.StatusCode != HttpStatusCode.Unauthorized && Answered(response, activity);
        }, iter: Cases, threads: 2);
        output.WriteLine($"{run} activities posted to Direct Line, none answered 5xx");
        Assert.Equal(Cases, run);
    }

    public void Dispose() => factory.Dispose();

    private bool Answered(HttpResponseMessage response, JObject activity)
    {
        if ((int)response.StatusCode < 500)
        {
            return true;
        }
        output.WriteLine($"{(int)response.StatusCode} for {activity.ToString(Newtonsoft.Json.Formatting.None)}");
        return false;
    }

    private static void Put(JObject activity, string name, JToken? value)
    {
        if (value is not null)
        {
            activity[name] = value;
        }
    }
}
