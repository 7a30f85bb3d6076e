using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// GET /gateway/bot (https://discord.com/developers/docs/events/gateway#get-gateway-bot), as the shard supervisor
/// (the recommended shard count) and each connection (the URL, the session start limit) ask for it.
/// </summary>
internal static partial class GatewayBotLookup
{
    /// <summary>The answer; null after a failure worth trying again. A refused token throws <see cref="GatewayFatalException"/>.</summary>
    public static async Task<GatewayBotInfo?> TryGetAsync(IDiscordRestClient rest, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException exception) when (exception.Status is 401 or 403)
        {
            const string cause = "Discord refused GET /gateway/bot: the bot token is wrong or revoked; check Discord:Token (Discord__Token in the environment)";
            LogRefused(logger, cause);
            throw new GatewayFatalException(cause, innerException: exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Discord gateway refused the bot for good: {Cause}. Not reconnecting.")]
    private static partial void LogRefused(ILogger logger, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up the gateway URL (GET /gateway/bot)")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception);
}
