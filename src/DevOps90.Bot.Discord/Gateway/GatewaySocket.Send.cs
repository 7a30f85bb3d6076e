using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>Everything this client sends: heartbeats, IDENTIFY, RESUME and close frames.</summary>
internal sealed partial class GatewaySocket
{
    private Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _ackPending, 1);
        return SendAsync(new GatewayCommand<long?>(GatewayOpCode.Heartbeat, session.Sequence), GatewayJsonContext.Default.GatewayCommandNullableInt64, heartbeat: true, cancellationToken);
    }

    private async Task SendIdentifyAsync(CancellationToken cancellationToken)
    {
        LogIdentifying(logger, identity.ShardId, identity.ShardCount);
        var properties = new IdentifyProperties(OperatingSystemName(), GatewayUrls.LibraryName, GatewayUrls.LibraryName);
        var identify = new IdentifyData(identity.Token, GatewayIntents.Guilds, properties, [identity.ShardId, identity.ShardCount]);
        session.LastIdentifyTimestamp = timeProvider.GetTimestamp();
        await SendAsync(new GatewayCommand<IdentifyData>(GatewayOpCode.Identify, identify), GatewayJsonContext.Default.GatewayCommandIdentifyData, heartbeat: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendResumeAsync(CancellationToken cancellationToken)
    {
        var sessionId = session.SessionId ?? throw new InvalidOperationException("Resuming needs a session from READY");
        var sequence = session.Sequence ?? 0;
        LogResuming(logger, sessionId, sequence);
        var resume = new ResumeData(identity.Token, sessionId, sequence);
        await SendAsync(new GatewayCommand<ResumeData>(GatewayOpCode.Resume, resume), GatewayJsonContext.Default.GatewayCommandResumeData, heartbeat: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync<T>(GatewayCommand<T> command, JsonTypeInfo<GatewayCommand<T>> typeInfo, bool heartbeat, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(command, typeInfo);
        if (payload.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Gateway opcode {command.Op} is {payload.Length} bytes; Discord accepts at most {MaxPayloadBytes}");
        }

        // The limiter first, so a command waiting for its slot does not hold up a heartbeat.
        await _limiter.WaitAsync(heartbeat, cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a close frame if the socket still can, without waiting for Discord's answer for long.</summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(timeouts.Close, timeProvider);
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            // The connection is going away in any case.
        }
    }

    /// <summary>Drops a connection that stopped answering, keeping the session resumable.</summary>
    private async Task AbandonAsync()
    {
        _zombie = true;
        await CloseAsync(ResumableClose, "no heartbeat ACK").ConfigureAwait(false);
        _socket.Abort();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "other";
}
