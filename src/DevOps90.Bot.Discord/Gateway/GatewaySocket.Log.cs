using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Gateway;

internal sealed partial class GatewaySocket
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the Discord gateway {Url} (resume: {Resume})")]
    private static partial void LogConnecting(ILogger logger, Uri url, bool resume);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the Discord gateway {Url}")]
    private static partial void LogConnectFailed(ILogger logger, Uri url, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway HELLO: heartbeat every {HeartbeatIntervalMs} ms")]
    private static partial void LogHello(ILogger logger, double heartbeatIntervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Identifying with the Discord gateway as shard [{ShardId}, {ShardCount}]")]
    private static partial void LogIdentifying(ILogger logger, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming gateway session {SessionId} at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, string sessionId, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway session {SessionId} ready at sequence {Sequence}")]
    private static partial void LogReady(ILogger logger, string? sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway session {SessionId} resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, string? sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK for gateway session {SessionId} at sequence {Sequence}: closing the zombied connection to resume")]
    private static partial void LogHeartbeatAckMissed(ILogger logger, string? sessionId, long? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No gateway HELLO within {Seconds} s: reconnecting")]
    private static partial void LogNoHello(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord asked gateway session {SessionId} to reconnect")]
    private static partial void LogReconnectRequested(ILogger logger, string? sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord invalidated gateway session {SessionId} (resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, string? sessionId, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord closed the gateway connection with {CloseCode} ({CloseReason}); next: {NextStep}")]
    private static partial void LogClosedByDiscord(ILogger logger, int closeCode, string closeReason, GatewayNextStep nextStep);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing the Gateway connection: the bot is stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection lost")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception);
}
