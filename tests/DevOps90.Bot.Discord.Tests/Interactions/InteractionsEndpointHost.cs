using System.Globalization;
using System.Net;
using System.Text;
using DevOps90.Bot.Discord.Interactions;
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

    private InteractionsEndpointHost(WebApplication app, Key key, RecordingLoggerProvider logs)
    {
        _app = app;
        Key = key;
        Logs = logs;
    }

    public Key Key { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public RecordingLoggerProvider Logs { get; }

    public static async Task<InteractionsEndpointHost> StartAsync(InteractionFixture bot)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var logs = new RecordingLoggerProvider();
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

internal sealed record RecordedLog(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Records every entry at Debug or above, of every category; a test waits for the entry it expects.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<RecordedLog> _entries = [];
    private readonly List<(Func<RecordedLog, bool> Match, TaskCompletionSource<RecordedLog> Found)> _waiters = [];

    public IReadOnlyList<RecordedLog> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The first entry, logged already or to come, that <paramref name="match"/> accepts.</summary>
    public Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match)
    {
        lock (_gate)
        {
            if (_entries.FirstOrDefault(match) is { } logged)
            {
                return Task.FromResult(logged);
            }

            var found = new TaskCompletionSource<RecordedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(RecordedLog entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                waiter.Found.TrySetResult(entry);
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add(new RecordedLog(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
