using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Tests.Gateway;

/// <summary>
/// A scripted stand-in for Discord's gateway: Kestrel on 127.0.0.1, any free port. Each websocket the client opens is
/// handed to the test as a <see cref="FakeGatewayClient"/>, which the test drives frame by frame.
/// </summary>
internal sealed class FakeGatewayServer : IAsyncDisposable
{
    // Bounds a wait for something that must happen, only reached when it does not: generous, since a loaded CI machine
    // may take seconds to schedule a loopback connection or a frame.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayClient> _connections = Channel.CreateUnbounded<FakeGatewayClient>();
    private readonly CancellationTokenSource _stopping = new();
    private int _connectionCount;

    private FakeGatewayServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        app.UseWebSockets();
        app.Run(AcceptAsync);
    }

    /// <summary>The clock on which <see cref="FakeGatewayClient.AcceptedAt"/> is read, the client's own.</summary>
    public TimeProvider Clock { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What GET /gateway/bot returns: a path of its own so a test can tell it from the resume URL.</summary>
    public string GatewayUrl => $"ws://127.0.0.1:{BaseUrl.Port}/gateway";

    public string ResumeUrl => $"ws://127.0.0.1:{BaseUrl.Port}/resume";

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public static async Task<FakeGatewayServer> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new FakeGatewayServer(builder.Build(), clock);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public async Task<FakeGatewayClient> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var client = new FakeGatewayClient(socket, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", Clock.GetTimestamp())
        {
            UserAgent = context.Request.Headers.UserAgent.ToString(),
        };
        Interlocked.Increment(ref _connectionCount);
        _connections.Writer.TryWrite(client);
        await client.ReadUntilClosedAsync(_stopping.Token);
    }
}

/// <summary>One connection as the server sees it. Heartbeats are acknowledged automatically unless the test says not to.</summary>
internal sealed class FakeGatewayClient(WebSocket socket, string path, string query, long acceptedAt) : IDisposable
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Path { get; } = path;

    public string Query { get; } = query;

    public long AcceptedAt { get; } = acceptedAt;

    /// <summary>The User-Agent header of the upgrade request, empty when there was none.</summary>
    public string UserAgent { get; init; } = "";

    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>Answers the client's close frame with one of the same code, as Discord does (RFC 6455 section 5.5.1).</summary>
    public bool EchoClose { get; set; }

    /// <summary>The close code the client sent, or null when it went away without one.</summary>
    public Task<int?> ClientClosed => _closed.Task;

    public Task SendHelloAsync(int heartbeatIntervalMs) => SendAsync(new { op = 10, d = new { heartbeat_interval = heartbeatIntervalMs } });

    public Task SendReadyAsync(string sessionId, string resumeUrl, long sequence = 1) => SendAsync(new
    {
        op = 0,
        t = "READY",
        s = sequence,
        d = new { v = 10, session_id = sessionId, resume_gateway_url = resumeUrl, user = new { id = "1", username = "bot" }, guilds = Array.Empty<object>() },
    });

    public Task SendDispatchAsync(string eventName, long sequence, object data) => SendAsync(new { op = 0, t = eventName, s = sequence, d = data });

    public async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends a message after which the bot drops the connection (opcodes 7 and 9): the bot may read it and close before
    /// the server's send has completed, which then fails although the message arrived. That is not the test's failure.
    /// </summary>
    public async Task SendBeforeTheBotLeavesAsync(object payload)
    {
        try
        {
            await SendAsync(payload);
        }
        catch (WebSocketException) when (socket.State is not WebSocketState.Open)
        {
            // Delivered; the connection went away under the send's completion.
        }
    }

    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake gateway", CancellationToken.None);
        }
        catch (WebSocketException) when (socket.State is not WebSocketState.Open)
        {
            // The close frame went out and the bot dropped the connection before the send completed: closed all the same.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next payload the client sent, heartbeats skipped unless <paramref name="op"/> is 1.</summary>
    public async Task<JsonElement> ReceiveAsync(int op)
    {
        using var patience = new CancellationTokenSource(FakeGatewayServer.Patience);
        while (true)
        {
            JsonElement payload;
            try
            {
                payload = await _received.Reader.ReadAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The client sent no opcode {op} within {FakeGatewayServer.Patience}");
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"The client closed the connection ({ClientClosed.Result}) instead of sending opcode {op}");
            }

            var received = payload.GetProperty("op").GetInt32();
            if (received == op)
            {
                return payload;
            }

            if (received != 1)
            {
                throw new InvalidOperationException($"Expected opcode {op}, the client sent {payload}");
            }
        }
    }

    /// <summary>The next payload of any opcode, or null when none arrives within <paramref name="wait"/> (real time).</summary>
    public async Task<JsonElement?> TryReceiveAsync(TimeSpan wait)
    {
        using var patience = new CancellationTokenSource(wait);
        try
        {
            return await _received.Reader.ReadAsync(patience.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    // The lock is not disposed: the server ends the connection (and disposes this) as soon as it reads the client's
    // close frame, which may answer a close the test is still sending, still holding the lock. A SemaphoreSlim whose
    // wait handle is never asked for holds nothing to release.
    public void Dispose()
    {
    }

    internal async Task ReadUntilClosedAsync(CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), stopping);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (EchoClose && socket.CloseStatus is { } status)
                    {
                        await _sendLock.WaitAsync(stopping);
                        try
                        {
                            await socket.CloseOutputAsync(status, "", stopping);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }

                    _closed.TrySetResult((int?)socket.CloseStatus);
                    return;
                }

                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                var payload = document.RootElement.Clone();
                // The ACK goes out before the test sees the heartbeat, so anything the test sends next is read after it.
                if (AcknowledgeHeartbeats && payload.GetProperty("op").GetInt32() == 1)
                {
                    await SendAsync(new { op = 11 });
                }

                _received.Writer.TryWrite(payload);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
