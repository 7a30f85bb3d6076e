using System.Globalization;
using System.Net;
using System.Text;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Slack.Tests.Inbound;

/// <summary>
/// The three Slack endpoints on Kestrel at 127.0.0.1, registered as the setup will (AddSlackHttpTransport,
/// MapSlackEndpoints), in front of a recording handler, on a frozen clock; every log entry recorded.
/// </summary>
internal sealed class SlackEndpointsHost : IAsyncDisposable
{
    /// <summary>Shaped like a signing secret, so a log line that leaks it is easy to spot.</summary>
    public const string Secret = "e3b0c44298fc1c149afbf4c8996fb924-not-a-real-secret";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private WebApplication _app = null!;

    private SlackEndpointsHost()
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public RecordingInboundHandler Handler { get; } = new();

    public RecordingLogs Logs { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<SlackEndpointsHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var host = new SlackEndpointsHost();
        builder.Logging.ClearProviders().AddProvider(host.Logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<SlackOptions>(options => options.SigningSecret = Secret);
        builder.Services.AddSingleton<TimeProvider>(host.Time);
        builder.Services.AddSingleton<ISlackInboundHandler>(host.Handler);
        builder.Services.AddSlackHttpTransport();
        host._app = builder.Build();
        host._app.MapSlackEndpoints();
        await host._app.StartAsync();
        host.BaseUrl = Address(host._app);
        return host;
    }

    /// <summary>Signs <paramref name="body"/> as Slack would at <paramref name="signedAt"/> (now by default) and posts it.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(
        string path,
        string body,
        string contentType,
        DateTimeOffset? signedAt = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var timestamp = (signedAt ?? Time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = new SlackSignature(Secret, Time).Sign(timestamp, Encoding.UTF8.GetBytes(body));
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>())
        {
            ["X-Slack-Request-Timestamp"] = timestamp,
            ["X-Slack-Signature"] = signature,
        };
        return PostAsync(path, body, contentType, all);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
