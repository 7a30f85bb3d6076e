namespace DevOps90.Bot.Telemetry;

public enum TelemetryExporter
{
    /// <summary>Nothing leaves the process, and the OpenTelemetry SDK is not even loaded.</summary>
    None,

    /// <summary>Metrics and traces pushed with the OpenTelemetry protocol to a collector.</summary>
    Otlp,

    /// <summary>Metrics served for scraping at GET /metrics on the bot's HTTP address; no traces.</summary>
    Prometheus,
}

/// <summary>The "Telemetry" section: off unless <see cref="Exporter"/> names one.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector (Otlp): empty takes OTEL_EXPORTER_OTLP_ENDPOINT, else the protocol's default on localhost.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (port 4317) or "http/protobuf" (port 4318); empty takes OTEL_EXPORTER_OTLP_PROTOCOL, else grpc.</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Headers for the collector ("api-key=..."), a secret: it may come from a file in the secrets folder.</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>How often metrics are pushed (Otlp).</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The service.name resource attribute, to tell this bot from others in the same collector.</summary>
    public string ServiceName { get; set; } = "devops90-bot";
}
