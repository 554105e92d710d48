using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneStopBot.Bot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The libraries' own sources and meters are all named under this prefix.</summary>
    public const string Prefix = "OneStopBot.";

    /// <summary>
    /// Traces and metrics of the host (requests, outgoing calls, PostgreSQL commands, the runtime) and of the
    /// project's libraries, each tagged with this host's name, exported as <c>Telemetry:Exporter</c> says.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .Validate(TelemetryOptions.IsValid, "Telemetry:OtlpEndpoint must be an absolute address when Telemetry:Exporter is Otlp, e.g. http://127.0.0.1:4317.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter == TelemetryExporter.None || !TelemetryOptions.IsValid(options))
        {
            return builder;
        }
        var host = options.HostName.Length > 0 ? options.HostName : Environment.MachineName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("onestopbot", serviceInstanceId: host))
            .WithTracing(tracing => tracing
                .AddSource(Prefix + "*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(Prefix + "*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation());
        if (options.Exporter == TelemetryExporter.Console)
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddConsoleExporter());
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddConsoleExporter());
        }
        else
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, options.OtlpEndpoint!);
        }
        return builder;
    }
}
