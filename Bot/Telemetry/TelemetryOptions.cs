namespace OneStopBot.Bot.Telemetry;

/// <summary>Configuration section <c>Telemetry</c>: where the hosts' traces and metrics go.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.Console;

    /// <summary>The OTLP collector, for <see cref="TelemetryExporter.Otlp"/>, e.g. http://127.0.0.1:4317.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>This host's name among several behind one balancer; the machine's name when empty.</summary>
    public string HostName { get; set; } = string.Empty;

    public static bool IsValid(TelemetryOptions options) =>
        options.Exporter != TelemetryExporter.Otlp || options.OtlpEndpoint is { IsAbsoluteUri: true };
}

public enum TelemetryExporter
{
    /// <summary>No traces or metrics are collected at all.</summary>
    None,

    /// <summary>Written to standard output (the service's journal).</summary>
    Console,

    /// <summary>Sent to an OpenTelemetry collector at <see cref="TelemetryOptions.OtlpEndpoint"/>.</summary>
    Otlp,
}
