using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.SocketMode;

internal sealed partial class SocketModeConnection
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Connection}: connecting to {Host}")]
    private static partial void LogConnecting(ILogger logger, int connection, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Connection}: Slack said hello ({ConnectionCount} connections open)")]
    private static partial void LogHello(ILogger logger, int connection, int connectionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Connection}: Slack asks to disconnect ({Reason})")]
    private static partial void LogDisconnectRequested(ILogger logger, int connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Connection}: Slack closed it ({CloseStatus} {CloseDescription})")]
    private static partial void LogClosedBySlack(ILogger logger, int connection, int? closeStatus, string closeDescription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} lost: {ExceptionType}: {ExceptionMessage}")]
    private static partial void LogLost(ILogger logger, int connection, string exceptionType, string exceptionMessage);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Connection} closed: {Description}")]
    private static partial void LogClosed(ILogger logger, int connection, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection}: dropped a message over {MaxBytes} bytes")]
    private static partial void LogTooLarge(ILogger logger, int connection, int maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection}: dropped a message that is not a Slack envelope")]
    private static partial void LogUnreadable(ILogger logger, int connection);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Connection}: ignored a message of type {Type}")]
    private static partial void LogUnknownType(ILogger logger, int connection, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Connection}: a {Type} envelope came after the close; left for the next connection")]
    private static partial void LogLeftForNextConnection(ILogger logger, int connection, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge envelope {EnvelopeId} on Socket Mode connection {Connection} ({Reason}); Slack will deliver it again")]
    private static partial void LogAckLost(ILogger logger, string envelopeId, int connection, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection}: {Pending} envelopes still running when it closed; their acknowledgements are lost")]
    private static partial void LogDrainTimedOut(ILogger logger, int connection, int pending);
}
