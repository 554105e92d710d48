using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Notices;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.Notices;

/// <summary>The outbox's metrics: every attempt's outcome, and how long a message waited past its due time.</summary>
public sealed class OutboxTelemetryTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingChannel channel = new("zalo");

    [Fact]
    public async Task A_retried_message_counts_a_retry_then_a_send_whose_lag_runs_from_its_due_time()
    {
        using var host = new OutboxTestHost(directory.DatabasePath, time, null, channel);
        var meters = host.Get<IMeterFactory>();
        using var attempts = new MetricCollector<long>(meters, OutboxTelemetry.Name, OutboxTelemetry.AttemptsCounter);
        using var lag = new MetricCollector<double>(meters, OutboxTelemetry.Name, OutboxTelemetry.LagHistogram);
        channel.Failure = (_, attempt) => attempt == 1 ? new DeliveryFailedException("HTTP 503", isTransient: true) : null;
        host.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, OutboxTestHost.Chat("u1", "zalo"), "Hồ sơ đã có kết quả."));

        await host.Worker.DrainAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(25));
        await host.Worker.DrainAsync(CancellationToken.None);

        Assert.Equal(
            [(OutboxTelemetry.Retry, "zalo", "StatusChange"), (OutboxTelemetry.Sent, "zalo", "StatusChange")],
            attempts.GetMeasurementSnapshot().Select(m => ((string)m.Tags[OutboxTelemetry.OutcomeTag]!, (string)m.Tags[OutboxTelemetry.ChannelTag]!, (string)m.Tags[OutboxTelemetry.KindTag]!)));
        // Due again 10 s after the failure (Outbox:RetryDelay in the test host), sent 25 s after it: 15 s late.
        Assert.Equal([15d], lag.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task A_channel_id_a_client_made_up_is_counted_as_other_and_a_permanent_failure_as_failed()
    {
        var channelId = "kenh-bat-ky-" + Guid.NewGuid().ToString("N");
        var madeUp = new RecordingChannel(channelId);
        using var host = new OutboxTestHost(directory.DatabasePath, time, null, madeUp);
        using var attempts = new MetricCollector<long>(host.Get<IMeterFactory>(), OutboxTelemetry.Name, OutboxTelemetry.AttemptsCounter);
        madeUp.Failure = (_, _) => new DeliveryFailedException("blocked", isTransient: false);
        host.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.Broadcast, OutboxTestHost.Chat("u1", channelId), "Họp dân."));

        await host.Worker.DrainAsync(CancellationToken.None);

        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(("other", OutboxTelemetry.Failed), ((string)attempt.Tags[OutboxTelemetry.ChannelTag]!, (string)attempt.Tags[OutboxTelemetry.OutcomeTag]!));
    }

    public void Dispose() => directory.Dispose();
}
