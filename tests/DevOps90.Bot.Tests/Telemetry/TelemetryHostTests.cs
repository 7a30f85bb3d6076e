using System.Collections.Concurrent;
using System.Net;
using System.Text;
using DevOps90.Bot.Core.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DevOps90.Bot.Tests.Telemetry;

/// <summary>Telemetry:Exporter: off by default, Prometheus scraping at /metrics, OTLP pushed to a collector.</summary>
[Collection(Name)]
public sealed class TelemetryHostTests : IDisposable
{
    /// <summary>
    /// Alone, after the other tests: OpenTelemetry's provider listens by meter name to the whole process, so it also
    /// took in the "DevOps90.Bot" meters of hosts running beside it, and one of those hosts stopping (its meter
    /// disposed) ended the shared stream: CI once saw every export without devops90.commands for 60 s. A bot runs one
    /// host per process, so only the tests meet this.
    /// </summary>
    public const string Name = "Process-wide telemetry listeners";

    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Default_NoMetricsEndpoint()
    {
        await using var host = new TestHost();
        await host.App.StartAsync();

        using var response = await _client.GetAsync(host.App.Urls.First() + "/metrics");
        await host.App.StopAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Prometheus_ServesTheBotsCommandsCounter_AfterACommand()
    {
        await using var host = new TestHost(["--Telemetry:Exporter=Prometheus"]);
        await host.App.StartAsync();
        await host.Services.GetRequiredService<CommandDispatcher>().DispatchAsync(new CommandRequest { Command = "day", Options = Day(2) });

        using var response = await _client.GetAsync(host.App.Urls.First() + "/metrics");
        var text = await response.Content.ReadAsStringAsync();
        await host.App.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The meter is the process's: hosts of other tests running beside this one count their commands too.
        Assert.Contains(text.Split('\n'), row => row.StartsWith("devops90_commands_total{", StringComparison.Ordinal)
            && row.Contains("command=\"day\"", StringComparison.Ordinal) && row.Contains("outcome=\"answered\"", StringComparison.Ordinal)
            && double.Parse(row[(row.LastIndexOf('}') + 2)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("# TYPE devops90_command_duration_seconds histogram", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otlp_PushesMetricsAndTracesToTheCollector_OverHttpProtobuf()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using var host = new TestHost(
        [
            "--Telemetry:Exporter=Otlp",
            "--Telemetry:OtlpProtocol=http/protobuf",
            $"--Telemetry:OtlpEndpoint={collector.Address}",
            "--Telemetry:ExportInterval=00:00:00.200",
        ]);
        await host.App.StartAsync();
        await host.Services.GetRequiredService<CommandDispatcher>().DispatchAsync(new CommandRequest { Command = "day", Options = Day(2) });

        // Traces are batched for seconds, metrics pushed every 200 ms: both flushed now rather than waited for, again
        // until the collector has them (a flush whose export timed out on a busy machine says so and sends nothing).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && !Received(collector))
        {
            host.Services.GetRequiredService<TracerProvider>().ForceFlush(5_000);
            host.Services.GetRequiredService<MeterProvider>().ForceFlush(5_000);
        }

        await host.App.StopAsync();

        Assert.Contains(collector.Bodies("/v1/metrics"), body => body.Contains("devops90.commands", StringComparison.Ordinal));
        Assert.Contains(collector.Bodies("/v1/traces"), body => body.Contains("command day", StringComparison.Ordinal));
        Assert.All(collector.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
    }

    [Fact]
    public async Task UnknownExporter_StopsTheStart_NamingTheKeyAndTheChoices()
    {
        var errors = new StringWriter();
        using var data = new Testing.TempFolder();

        var exit = await BotHost.RunAsync([.. TestHost.Settings(data.Path), "--Telemetry:Exporter=Zipkin"], errors, null, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Telemetry:Exporter: 'Zipkin' is not valid here; expected one of None, Otlp, Prometheus.", errors.ToString(), StringComparison.Ordinal);
    }

    private static bool Received(FakeCollector collector) =>
        collector.Bodies("/v1/metrics").Any(body => body.Contains("devops90.commands", StringComparison.Ordinal))
        && collector.Bodies("/v1/traces").Any(body => body.Contains("command day", StringComparison.Ordinal));

    private static System.Collections.Immutable.ImmutableDictionary<string, string> Day(int day) =>
        System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("number", day.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An OTLP/HTTP collector on loopback that keeps what it is sent (protobuf keeps names as plain UTF-8).</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> _received = new();

        private FakeCollector(WebApplication app) => _app = app;

        public string Address { get; private set; } = "";

        public IEnumerable<string> ContentTypes => _received.Select(request => request.ContentType);

        public IEnumerable<string> Bodies(string path) => _received.Where(request => request.Path == path).Select(request => request.Body);

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var collector = new FakeCollector(builder.Build());
            collector._app.Run(collector.HandleAsync);
            await collector._app.StartAsync();
            collector.Address = collector._app.Urls.First();
            return collector;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private async Task HandleAsync(HttpContext context)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path, context.Request.ContentType ?? "", Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
        }
    }
}

[CollectionDefinition(TelemetryHostTests.Name, DisableParallelization = true)]
public sealed class TelemetryHostsAlone;
