using System.Text.Json;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>Interactions that arrive over the gateway: answered through the callback endpoint.</summary>
internal sealed partial class GatewayInteractionHandler(InteractionProcessor processor, IDiscordRestClient rest, ILogger<GatewayInteractionHandler> logger) : IGatewayDispatchHandler
{
    public async Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        if (eventName != "INTERACTION_CREATE")
        {
            return;
        }

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

        var response = await processor.RespondAsync(interaction, cancellationToken).ConfigureAwait(false);
        if (response is not null)
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed interaction: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string problem);
}
