using System.Globalization;
using System.Net;
using System.Text;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace DevOps90.Bot.Discord.Tests.Interactions;

/// <summary>
/// POST /discord/interactions on Kestrel at 127.0.0.1, in front of <see cref="InteractionFixture"/>'s processor and
/// clock; requests signed with a key of its own; every log entry recorded.
/// </summary>
internal sealed class InteractionsEndpointHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private InteractionsEndpointHost(WebApplication app, Key key, RecordingLogs logs)
    {
        _app = app;
        Key = key;
        Logs = logs;
    }

    public Key Key { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public RecordingLogs Logs { get; }

    public static async Task<InteractionsEndpointHost> StartAsync(InteractionFixture bot)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var logs = new RecordingLogs();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(new InteractionSignature(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey))));
        builder.Services.AddSingleton(bot.Processor);
        builder.Services.AddSingleton(bot.Deferred);
        builder.Services.AddSingleton<TimeProvider>(bot.Time);
        builder.Services.AddSingleton(new RecentInteractions(bot.Time));
        var app = builder.Build();
        var host = new InteractionsEndpointHost(app, key, logs);
        app.MapDiscordInteractions();
        await app.StartAsync();
        host.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return host;
    }

    /// <summary>Posts <paramref name="body"/> signed with the host's key, at the fixture clock's time.</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, InteractionsEndpoint.Path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(Key, Encoding.UTF8.GetBytes(timestamp + body))));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await _http.SendAsync(request).WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
