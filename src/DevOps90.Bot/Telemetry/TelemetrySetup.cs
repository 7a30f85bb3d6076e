using System.Runtime.CompilerServices;
using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Core.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DevOps90.Bot.Telemetry;

/// <summary>
/// The bot's measurements are always taken (<see cref="BotMetrics"/>, a few counters nobody reads while no exporter
/// listens); Telemetry:Exporter decides whether they leave the process. With None the OpenTelemetry SDK is never
/// loaded, which keeps the default process small.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>Meters of the platform worth having beside the bot's own: HTTP served and sent, the runtime.</summary>
    private static readonly string[] PlatformMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
    ];

    public static void AddBotTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddSingleton<ConnectionBoard>();
        builder.Services.AddSingleton<IConnectionReadiness>(provider => provider.GetRequiredService<ConnectionBoard>());

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter != TelemetryExporter.None)
        {
            AddOpenTelemetry(builder.Services, options);
        }
    }

    public static void MapBotTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Exporter == TelemetryExporter.Prometheus)
        {
            MapPrometheus(app);
        }
    }

    // Kept out of line so that the SDK's assemblies load only when this runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IServiceCollection services, TelemetryOptions options)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotMetrics.MeterName).AddMeter(PlatformMeters);
                if (options.Exporter == TelemetryExporter.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                else
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Configure(exporter, options, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                    });
                }
            });
        if (options.Exporter == TelemetryExporter.Otlp)
        {
            // Outgoing HTTP is left out of traces on purpose: Discord's interaction follow-ups and Slack's response_url
            // carry their tokens in the path. The bot's own spans name routes by template instead.
            telemetry.WithTracing(tracing => tracing
                .AddSource(BotMetrics.MeterName, "Microsoft.AspNetCore")
                .AddOtlpExporter(exporter => Configure(exporter, options, "v1/traces")));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapPrometheus(WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options, string signalPath)
    {
        if (options.OtlpProtocol is { Length: > 0 } protocol)
        {
            exporter.Protocol = protocol.Trim().ToLowerInvariant() switch
            {
                "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                _ => throw new StartupSettingException($"Telemetry:OtlpProtocol: '{protocol}' is not valid here; expected grpc or http/protobuf."),
            };
        }

        if (options.OtlpEndpoint is { } endpoint)
        {
            // An address set in code is used as given (unlike OTEL_EXPORTER_OTLP_ENDPOINT): with http/protobuf each
            // signal's path goes on the end here, so one setting serves metrics and traces.
            exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
                : endpoint;
        }

        if (options.OtlpHeaders is { Length: > 0 } headers)
        {
            exporter.Headers = headers;
        }
    }
}
