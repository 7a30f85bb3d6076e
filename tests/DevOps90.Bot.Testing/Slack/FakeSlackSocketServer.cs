using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>
/// A scripted stand-in for Slack's Socket Mode endpoint: Kestrel on 127.0.0.1, any free port. Hand out
/// <see cref="NewConnectionUrl"/> as apps.connections.open would; each WebSocket the bot opens on it is greeted with
/// hello (unless <see cref="SayHello"/> is off) and handed to the test as a <see cref="FakeSlackSocketConnection"/>,
/// which sends envelopes and disconnect messages and records the acknowledgements.
/// </summary>
public sealed class FakeSlackSocketServer : IAsyncDisposable
{
    /// <summary>How long (real time) the fake waits for the bot before failing the test.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<FakeSlackSocketConnection> _connections = Channel.CreateUnbounded<FakeSlackSocketConnection>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<FakeSlackSocketConnection> _open = [];
    private int _tickets;
    private int _connectionCount;

    private FakeSlackSocketServer(WebApplication app)
    {
        _app = app;
        app.UseWebSockets();
        app.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Send hello as soon as a connection opens, as Slack does; off to hold a connection before its hello.</summary>
    public bool SayHello { get; set; } = true;

    /// <summary>WebSockets opened so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new FakeSlackSocketServer(builder.Build());
        await server._app.StartAsync().ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>What apps.connections.open returns: a URL of its own per call, with a ticket the connection reports.</summary>
    public Uri NewConnectionUrl()
    {
        var ticket = Interlocked.Increment(ref _tickets).ToString(CultureInfo.InvariantCulture);
        return new Uri($"ws://127.0.0.1:{BaseUrl.Port}/link/?ticket={ticket}&app_id=A0FAKE");
    }

    /// <summary>The next WebSocket the bot opens (or opened and the test has not taken yet).</summary>
    public async Task<FakeSlackSocketConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(Patience).ConfigureAwait(false);

    /// <summary>The newest connection still open that has said hello, waiting for one if there is none yet.</summary>
    public async Task<FakeSlackSocketConnection> CurrentConnectionAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            lock (_gate)
            {
                var current = _open.LastOrDefault(connection => connection.IsOpen && connection.HelloSent.IsCompletedSuccessfully);
                if (current is not null)
                {
                    return current;
                }
            }

            await Task.Delay(10, patience.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Sends an envelope on the current connection and returns the bot's acknowledgement.</summary>
    public async Task<JsonObject> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false)
    {
        var connection = await CurrentConnectionAsync().ConfigureAwait(false);
        return await connection.SendEnvelopeAsync(type, payload, acceptsResponsePayload).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var number = Interlocked.Increment(ref _connectionCount);
        var connection = new FakeSlackSocketConnection(socket, number, context.Request.Query["ticket"].ToString());
        lock (_gate)
        {
            _open.Add(connection);
        }

        if (SayHello)
        {
            await connection.SendHelloAsync().ConfigureAwait(false);
        }

        _connections.Writer.TryWrite(connection);
        await connection.ReadUntilClosedAsync(_stopping.Token).ConfigureAwait(false);
    }
}
