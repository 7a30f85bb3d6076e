using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord;

/// <summary>
/// Daily posts into Discord channels: POST /channels/{id}/messages with the ledger's key as nonce and enforce_nonce,
/// so a retry after a crash returns the message already created instead of posting it again.
/// </summary>
internal sealed class DiscordPublisher(IDiscordRestClient rest) : IChatPublisher
{
    public string Platform => Interactions.InteractionProcessor.Platform;

    public async Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(target.Channel, out var channel))
        {
            return PublishResult.Permanent($"'{target.Channel}' is not a Discord channel id");
        }

        var message = DiscordRenderer.Render(post, mentionRoleId) with { Nonce = idempotencyKey, EnforceNonce = true };
        try
        {
            var created = await rest.CreateMessageAsync(channel, message, cancellationToken).ConfigureAwait(false);
            return PublishResult.Sent(created.Id.ToString());
        }
        catch (DiscordApiException exception)
        {
            var reason = $"Discord {exception.Status}{(exception.JsonCode is { } code ? $" ({code})" : "")}: {exception.Message}";
            return exception.IsPermanent ? PublishResult.Permanent(reason) : PublishResult.Transient(reason);
        }
    }
}
