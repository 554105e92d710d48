using System.Diagnostics.Metrics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Dialogs.Tests.Telemetry;

namespace OneStopBot.Dialogs.Tests.Security;

/// <summary>
/// A client names its own channel (an anonymous local endpoint, a forged activity): whatever it sends, the traces and
/// counts carry one of the known channels or "other", never its text, so it can neither flood the metrics with new
/// series nor smuggle data into them.
/// </summary>
public sealed class TelemetryAttackTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string> Channels => new()
    {
        "0912345621",
        "webchat\nchannel=zalo",
        new string('x', 100_000),
        "<script>alert(1)</script>",
        "WEBCHAT",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_channel_the_bot_does_not_know_is_counted_and_traced_as_other(string channel)
    {
        using var spans = new SpanRecorder();
        using var turns = new MetricCollector<long>(harness.Get<IMeterFactory>(), DialogTelemetry.Name, DialogTelemetry.TurnsCounter);
        var reference = TestAdapter.CreateConversation("forged", "intruder");
        reference.ChannelId = channel;
        var adapter = new TestAdapter(reference);

        // Starting pre-registration runs waterfall steps, each with a span.
        await adapter.SendTextToBotAsync("Nộp hồ sơ trước", (turn, cancellationToken) => harness.Get<ConversationRunner>().RunMessageAsync(turn, cancellationToken), CancellationToken.None);

        var counted = Assert.Single(turns.GetMeasurementSnapshot());
        Assert.Equal(DialogTelemetry.OtherChannel, counted.Tags[DialogTelemetry.ChannelTag]);
        Assert.NotEmpty(spans.Started);
        Assert.All(spans.Started, span => Assert.Equal(DialogTelemetry.OtherChannel, span.GetTagItem(DialogTelemetry.ChannelTag)));
    }
}
