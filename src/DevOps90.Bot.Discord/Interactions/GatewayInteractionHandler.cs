using System.Text.Json;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// Interactions that arrive over the gateway: answered through the callback endpoint; a deferred reply (late, or with
/// files to upload) then edits the response, once Discord has acknowledged the callback.
/// </summary>
internal sealed partial class GatewayInteractionHandler(
    InteractionProcessor processor,
    DeferredReplies deferred,
    RecentInteractions recent,
    IDiscordRestClient rest,
    TimeProvider time,
    ILogger<GatewayInteractionHandler> logger) : IGatewayDispatchHandler
{
    public async Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        if (eventName != "INTERACTION_CREATE")
        {
            return;
        }

        // Discord's 3 seconds for the callback run from when the interaction was sent; this is the nearest we know.
        var deadline = time.GetUtcNow() + DeferredReplySender.CallbackDeadline;
        Interaction interaction;
        try
        {
            interaction = Interaction.Parse(data);
        }
        catch (FormatException exception)
        {
            LogMalformed(logger, exception.Message);
            return;
        }

        if (interaction.Type != InteractionType.Ping && !recent.TryAdd(interaction.Id))
        {
            // Already answered; a second callback would be refused anyway ("already acknowledged").
            LogDuplicate(logger, interaction.Id);
            return;
        }

        var response = await processor.RespondAsync(interaction, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return;
        }

        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            deferred.CallbackSent(interaction.Id, succeeded: false);
            throw;
        }

        // Only now may a deferred reply edit the response: Discord has acknowledged the deferral.
        deferred.CallbackSent(interaction.Id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored interaction {InteractionId}: already received")]
    private static partial void LogDuplicate(ILogger logger, Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed interaction: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string problem);
}
