namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// The gateway refused the bot for a reason that reconnecting cannot fix (a bad token, shard or intents). The message
/// names the cause and the setting to change; it never contains the token.
/// </summary>
public sealed class GatewayFatalException(string message, int? closeCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The gateway close code, or null when the refusal came from the REST lookup of the gateway URL.</summary>
    public int? CloseCode { get; } = closeCode;
}
