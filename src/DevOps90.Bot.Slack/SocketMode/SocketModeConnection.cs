using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket, from connect to close: waits for Slack's hello, reads messages (assembled from their
/// frames), starts each envelope on the <see cref="SocketModeEnvelopeProcessor"/> and sends its acknowledgement back
/// here, and reports a disconnect request to the <see cref="SocketModeClient"/>, which decides what follows. Used once.
/// </summary>
internal sealed partial class SocketModeConnection(
    int number,
    SocketModeEnvelopeProcessor processor,
    SocketModeTimeouts timeouts,
    TimeProvider time,
    ILogger logger,
    CancellationToken stopping) : ISocketModeAcknowledger, IAsyncDisposable
{
    /// <summary>Far above any envelope Slack sends; a message past it is read to its end and dropped, not buffered.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket = CreateSocket();

    // Never disposed: an acknowledgement finishing late may still release it, and a SemaphoreSlim whose wait handle
    // is never asked for holds nothing to free.
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<Task> _inFlight = [];
    private Task _receive = Task.CompletedTask;
    private volatile bool _closeSent;

    public int Number { get; } = number;

    /// <summary>Completes with Slack's reason when it asks for this connection to be replaced (a disconnect message).</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes (never faults) when the connection is gone: closed, dropped, or abandoned.</summary>
    public Task Ended => _receive;

    /// <summary>Connects and waits for hello; throws when either fails or takes too long.</summary>
    public async Task OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        // The host only: the query holds the connection's ticket.
        LogConnecting(logger, Number, url.Host);
        await _socket.ConnectAsync(url, cancellationToken).WaitAsync(timeouts.Connect, time, cancellationToken).ConfigureAwait(false);
        _receive = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await Task.WhenAny(_hello.Task, _receive).WaitAsync(timeouts.Hello, time, cancellationToken).ConfigureAwait(false);
        if (!_hello.Task.IsCompleted)
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The connection closed before Slack said hello.");
        }
    }

    public async Task AcknowledgeAsync(JsonObject acknowledgement, string envelopeId)
    {
        var bytes = Encoding.UTF8.GetBytes(acknowledgement.ToJsonString());
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_closeSent)
            {
                LogAckLost(logger, envelopeId, Number, "the connection was closed first");
                return;
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Slack delivers an unacknowledged envelope again, on whichever connection is open; it is recognised then.
            LogAckLost(logger, envelopeId, Number, exception.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Lets the envelopes in flight send their acknowledgements (up to <see cref="SocketModeTimeouts.Drain"/>), then
    /// closes with 1000 and waits for Slack's close frame (up to <see cref="SocketModeTimeouts.Close"/>). Envelopes that
    /// arrive after the close frame went out are left unacknowledged, for Slack to deliver on the next connection.
    /// </summary>
    public async Task CloseAsync(string description)
    {
        await DrainAsync().ConfigureAwait(false);
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _closeSent = true;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, description, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone: nothing left to close.
        }
        finally
        {
            _sendLock.Release();
        }

        // Slack's own close frame ends the receive loop; a peer that never sends one is cut off.
        await _receive.WaitAsync(timeouts.Close, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Abort();
        LogClosed(logger, Number, description);
    }

    public async ValueTask DisposeAsync()
    {
        _closeSent = true;
        _socket.Abort();
        await _receive.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }

    /// <summary>Slack pings the client; the client's own pings, unanswered, reveal a connection that died silently.</summary>
    private static ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        return socket;
    }

    private async Task DrainAsync()
    {
        using var patience = new CancellationTokenSource(timeouts.Drain, time);
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _inFlight.RemoveAll(run => run.IsCompleted);
                pending = [.. _inFlight];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(patience.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (patience.IsCancellationRequested)
            {
                LogDrainTimedOut(logger, Number, pending.Count(run => !run.IsCompleted));
                return;
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                var tooLarge = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    // No token: cancelling a receive aborts the socket, and a closing connection still wants Slack's
                    // close frame. The socket is aborted instead when reading must stop.
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), CancellationToken.None).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > MaxMessageBytes)
                    {
                        tooLarge = true;
                        buffer.ResetWrittenCount();
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await OnCloseReceivedAsync().ConfigureAwait(false);
                    return;
                }

                if (tooLarge)
                {
                    LogTooLarge(logger, Number, MaxMessageBytes);
                    continue;
                }

                await OnMessageAsync(buffer.WrittenMemory).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            // Whatever ended the loop (a dropped socket, an abort, the host stopping), the connection is over; the
            // client decides what follows. Expected ends are not worth a line.
            if (!_closeSent && !stopping.IsCancellationRequested)
            {
                LogLost(logger, Number, exception.GetType().Name, exception.Message);
            }
        }
    }

    private async Task OnCloseReceivedAsync()
    {
        if (_closeSent)
        {
            return;
        }

        LogClosedBySlack(logger, Number, (int?)_socket.CloseStatus, _socket.CloseStatusDescription ?? "");
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            // Completes the close handshake (RFC 6455, section 5.5.1).
            _closeSent = true;
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone already.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task OnMessageAsync(ReadOnlyMemory<byte> bytes)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(bytes.Span) as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        var type = SlackHttpParser.StringOf(message, "type");
        switch (type)
        {
            case null:
                LogUnreadable(logger, Number);
                return;
            case "hello":
                LogHello(logger, Number, message!["num_connections"]?.GetValueKind() == JsonValueKind.Number ? message["num_connections"]!.GetValue<int>() : 0);
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = SlackHttpParser.StringOf(message, "reason") ?? "unknown";
                LogDisconnectRequested(logger, Number, reason);
                _disconnect.TrySetResult(reason);
                return;
        }

        if (SocketModeEnvelope.KindOf(type) is not { } kind)
        {
            LogUnknownType(logger, Number, type);
            return;
        }

        if (_closeSent)
        {
            // Could not be acknowledged here any more: Slack delivers it again on the next connection.
            LogLeftForNextConnection(logger, Number, type);
            return;
        }

        if (SocketModeEnvelope.Parse(kind, message!) is not { } envelope)
        {
            LogUnreadable(logger, Number);
            return;
        }

        var run = await processor.StartAsync(envelope, this, stopping).ConfigureAwait(false);
        lock (_gate)
        {
            _inFlight.RemoveAll(previous => previous.IsCompleted);
            _inFlight.Add(run);
        }
    }
}
