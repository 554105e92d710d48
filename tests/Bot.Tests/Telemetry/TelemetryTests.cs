using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OneStopBot.Bot.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_request_is_traced_with_this_hosts_name_when_an_exporter_is_configured()
    {
        var ended = new Ended();
        using var factory = new OneStopBotFactory();
        factory.Settings["Telemetry:Exporter"] = "Console";
        factory.Settings["Telemetry:HostName"] = "may-2";
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(ended))));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/healthz");
        // The server's span ends after the answer has been sent: wait for it, not for a while.
        var request = await ended.Server.Task.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("/healthz", request.GetTagItem("url.path"));
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource();
        Assert.Contains(resource.Attributes, a => a.Key == "service.instance.id" && Equals(a.Value, "may-2"));
    }

    [Fact]
    public async Task A_turn_exports_its_dialog_steps_and_counts_with_the_hosts_own()
    {
        var trace = ActivityTraceId.CreateRandom();
        var steps = new DialogSteps(trace);
        var metrics = new List<Metric>();
        using var factory = new OneStopBotFactory();
        factory.Settings["Telemetry:Exporter"] = "Console";
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(steps))
            .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics))));
        using var client = host.CreateClient();
        // The request carries a trace of this test's own: dialog steps of other tests' turns are not counted.
        client.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        await new ConnectorUser(client).SayAsync("Nộp hồ sơ trước");
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Contains(steps.Ended, span => Equals(span.GetTagItem(DialogTelemetry.DialogTag), DialogIds.PreRegister) && Equals(span.GetTagItem(DialogTelemetry.ChannelTag), "emulator"));
        Assert.Contains(metrics, metric => metric.Name == DialogTelemetry.TurnsCounter);
    }

    [Fact]
    public void The_tests_hosts_collect_nothing_unless_a_test_asks()
    {
        using var factory = new OneStopBotFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void Nothing_is_collected_when_the_exporter_is_none()
    {
        using var factory = new OneStopBotFactory();
        factory.Settings["Telemetry:Exporter"] = "None";

        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void An_otlp_exporter_without_an_address_stops_the_start_with_the_setting_named()
    {
        using var factory = new OneStopBotFactory();
        factory.Settings["Telemetry:Exporter"] = "Otlp";

        var problem = Assert.Single(StartupChecks.SettingProblems(factory.Services));
        Assert.Contains("Telemetry:OtlpEndpoint must be an absolute address", problem, StringComparison.Ordinal);
    }

    private sealed class DialogSteps(ActivityTraceId trace) : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<Activity> ended = new();

        public IReadOnlyList<Activity> Ended => [.. ended];

        public override void OnEnd(Activity data)
        {
            if (data.TraceId == trace && data.Source.Name == DialogTelemetry.Name)
            {
                ended.Enqueue(data);
            }
        }
    }

    private sealed class Ended : BaseProcessor<Activity>
    {
        public TaskCompletionSource<Activity> Server { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void OnEnd(Activity data)
        {
            // Other tests' servers in this process (the fake Zalo API) are traced too: only this request counts.
            if (data.Kind == ActivityKind.Server && Equals(data.GetTagItem("url.path"), "/healthz"))
            {
                Server.TrySetResult(data);
            }
        }
    }
}
