namespace DevOps90.Bot.Slack.SocketMode;

/// <summary>
/// Slack refuses the Socket Mode connection for good (a revoked app token, a missing scope, Socket Mode turned off):
/// reconnecting cannot help. The message says what to fix and never holds a token.
/// </summary>
public sealed class SocketModeFatalException(string message, Exception? innerException = null) : Exception(message, innerException);
