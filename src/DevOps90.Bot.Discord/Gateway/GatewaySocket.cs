using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// One websocket connection, from connect to close (https://discord.com/developers/docs/events/gateway#connection-lifecycle):
/// answers HELLO with heartbeats and an IDENTIFY or a RESUME, tracks the sequence, queues dispatches, and reports how
/// the connection ended. Used once.
/// </summary>
internal sealed partial class GatewaySocket(
    GatewayIdentity identity,
    GatewaySession session,
    ChannelWriter<GatewayDispatch> dispatches,
    GatewayTimeouts timeouts,
    TimeProvider timeProvider,
    Func<double> random,
    ILogger logger) : IDisposable
{
    /// <summary>
    /// Any code but 1000 and 1001 keeps the session resumable
    /// (https://discord.com/developers/docs/events/gateway#initiating-a-disconnect); 4000 is in the private range.
    /// </summary>
    internal const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;

    /// <summary>Discord closes the connection (4002) for a payload over 4096 bytes (https://discord.com/developers/docs/events/gateway#sending-events).</summary>
    private const int MaxPayloadBytes = 4096;

    private readonly ClientWebSocket _socket = CreateSocket();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewayCommandLimiter _limiter = new(timeProvider);
    private readonly TaskCompletionSource<TimeSpan> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ackPending;
    private volatile bool _zombie;
    private volatile bool _stopping;

    /// <summary>The session reached READY or RESUMED on this connection: the next reconnect starts a fresh backoff.</summary>
    public bool Healthy { get; private set; }

    /// <summary>Runs the connection until it ends; returns why. Throws only <see cref="OperationCanceledException"/>, after closing with 1000.</summary>
    public async Task<GatewayDisconnect> RunAsync(Uri url, bool resume, CancellationToken cancellationToken = default)
    {
        LogConnecting(logger, url, resume);
        try
        {
            await _socket.ConnectAsync(url, cancellationToken).WaitAsync(timeouts.Connect, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(logger, url, exception);
            return GatewayDisconnect.ConnectFailed($"could not connect to {url}");
        }

        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatLoopAsync(lifetime.Token);
        var receive = ReceiveLoopAsync(resume, lifetime.Token);
        try
        {
            return await receive.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // 1000 ends the session, so the bot shows offline now rather than when the session times out. Discord
            // answers with a close frame of its own: that answer, or the connection dropping after it, is the end of
            // our close, not Discord closing, and is not logged as such.
            _stopping = true;
            LogStopping(logger);
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "the bot is stopping").ConfigureAwait(false);
            await ((Task)receive).WaitAsync(timeouts.Close, timeProvider, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        finally
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            _socket.Abort();
            // Both loops end once the socket is aborted; their outcome is already known or no longer matters.
            await Task.WhenAll(receive, heartbeat).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// With the REST client's User-Agent: Discord asks every client to identify itself so
    /// (https://discord.com/developers/docs/reference#user-agent), and compatible servers refuse an upgrade without one.
    /// </summary>
    private static ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", Rest.DiscordRestClient.UserAgent);
        return socket;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task<GatewayDisconnect> ReceiveLoopAsync(bool resume, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    // No token: cancelling a receive aborts the socket, and a shutdown wants to send its close frame.
                    // The socket is aborted instead when this loop must stop.
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), CancellationToken.None).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return await OnClosedAsync().ConfigureAwait(false);
                }

                var outcome = await HandleAsync(buffer.WrittenMemory, resume, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }
            }
        }
        catch (Exception exception)
        {
            // Whatever ended the loop (a dropped socket, a malformed payload), the connection is over and Discord's
            // rules say what comes next; nothing here may take the whole gateway down.
            if (_zombie)
            {
                return GatewayDisconnect.Zombie();
            }

            if (!cancellationToken.IsCancellationRequested && !_stopping)
            {
                LogConnectionLost(logger, exception);
            }

            return GatewayDisconnect.Lost(exception.GetType().Name);
        }
    }

    private async Task<GatewayDisconnect> OnClosedAsync()
    {
        if (_zombie)
        {
            return GatewayDisconnect.Zombie();
        }

        if (_stopping)
        {
            // Discord's answer to the close the bot sent on its way out.
            return GatewayDisconnect.Lost("closed by the bot");
        }

        if (_socket.CloseStatus is not { } status || status == WebSocketCloseStatus.Empty)
        {
            return GatewayDisconnect.Lost("closed without a close code");
        }

        var code = (int)status;
        // Completing the close handshake with the same code, as RFC 6455 section 5.5.1 suggests, so the session keeps
        // whatever state Discord's code gave it.
        await CloseAsync(status, "").ConfigureAwait(false);
        var disconnect = GatewayDisconnect.Closed(code);
        LogClosedByDiscord(logger, code, disconnect.Reason, disconnect.Next);
        return disconnect;
    }

    /// <returns>null to keep reading, or how the connection ends.</returns>
    private async Task<GatewayDisconnect?> HandleAsync(ReadOnlyMemory<byte> message, bool resume, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement;
        var data = root.TryGetProperty("d", out var d) ? d : default;
        switch ((GatewayOpCode)root.GetProperty("op").GetInt32())
        {
            case GatewayOpCode.Hello:
                var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
                LogHello(logger, interval.TotalMilliseconds);
                _hello.TrySetResult(interval);
                await (resume ? SendResumeAsync(cancellationToken) : SendIdentifyAsync(cancellationToken)).ConfigureAwait(false);
                return null;
            case GatewayOpCode.HeartbeatAck:
                Volatile.Write(ref _ackPending, 0);
                return null;
            case GatewayOpCode.Heartbeat:
                // Discord asks for a heartbeat now, outside the interval (https://discord.com/developers/docs/events/gateway#heartbeat-requests).
                await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
                return null;
            case GatewayOpCode.Dispatch:
                await OnDispatchAsync(root, data, cancellationToken).ConfigureAwait(false);
                return null;
            case GatewayOpCode.Reconnect:
                LogReconnectRequested(logger, session.SessionId);
                await CloseAsync(ResumableClose, "reconnect requested").ConfigureAwait(false);
                return GatewayDisconnect.ReconnectRequested();
            case GatewayOpCode.InvalidSession:
                var resumable = data.ValueKind == JsonValueKind.True;
                LogInvalidSession(logger, session.SessionId, resumable);
                await CloseAsync(ResumableClose, "invalid session").ConfigureAwait(false);
                // A random 1 to 5 seconds before identifying anew, as Discord's gateway guide has long advised, so that
                // shards invalidated together do not identify together.
                return GatewayDisconnect.InvalidSession(resumable, TimeSpan.FromSeconds(1 + (4 * random())));
            default:
                return null;
        }
    }

    private async Task OnDispatchAsync(JsonElement root, JsonElement data, CancellationToken cancellationToken)
    {
        // The last non-null s is what heartbeats and RESUME carry (https://discord.com/developers/docs/events/gateway#dispatch-events).
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            session.Track(s.GetInt64());
        }

        var eventName = root.TryGetProperty("t", out var t) ? t.GetString() ?? "" : "";
        switch (eventName)
        {
            case "READY":
                var sessionId = data.GetProperty("session_id").GetString();
                var resumeUrl = data.GetProperty("resume_gateway_url").GetString();
                if (sessionId is not null && resumeUrl is not null)
                {
                    session.Start(sessionId, GatewayUrls.Versioned(resumeUrl));
                }

                Healthy = true;
                LogReady(logger, session.SessionId, session.Sequence);
                break;
            case "RESUMED":
                Healthy = true;
                LogResumed(logger, session.SessionId, session.Sequence);
                break;
        }

        // Cloned: the handler runs after this message's document is disposed. Waits when the queue is full, which
        // slows reading rather than losing an interaction.
        await dispatches.WriteAsync(new GatewayDispatch(eventName, session.Sequence, data.Clone()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// https://discord.com/developers/docs/events/gateway#sending-heartbeats: the first beat after
    /// heartbeat_interval * jitter, then one every heartbeat_interval; a beat still unacknowledged when the next is due
    /// means a zombied connection, closed with a resumable code.
    /// </summary>
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            TimeSpan interval;
            try
            {
                interval = await _hello.Task.WaitAsync(timeouts.Hello, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogNoHello(logger, timeouts.Hello.TotalSeconds);
                await AbandonAsync().ConfigureAwait(false);
                return;
            }

            await Task.Delay(interval * random(), timeProvider, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (Volatile.Read(ref _ackPending) == 1)
                {
                    LogHeartbeatAckMissed(logger, session.SessionId, session.Sequence);
                    await AbandonAsync().ConfigureAwait(false);
                    return;
                }

                await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or InvalidOperationException)
        {
            // The connection is ending; the receive loop reports why.
        }
        catch (Exception exception)
        {
            // A connection without heartbeats would only wait for Discord to drop it: drop it now and reconnect.
            LogConnectionLost(logger, exception);
            _socket.Abort();
        }
    }
}
