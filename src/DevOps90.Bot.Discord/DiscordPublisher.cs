using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord;

/// <summary>
/// Daily posts into Discord channels: POST /channels/{id}/messages with the ledger's key as nonce and enforce_nonce,
/// so a retry after a crash returns the message already created instead of posting it again.
/// </summary>
internal sealed class DiscordPublisher(IDiscordRestClient rest, IOptions<DiscordOptions> options) : IChatPublisher
{
    public string Platform => Interactions.InteractionProcessor.Platform;

    // The post carries the idempotency key as its nonce with enforce_nonce: Discord answers a resend with the message
    // it already created (for a few minutes; see bench/README.md on the window).
    public bool DeduplicatesResends => true;

    public async Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(target.Channel, out var channel))
        {
            return PublishResult.Permanent($"'{target.Channel}' is not a Discord channel id");
        }

        var message = DiscordRenderer.Render(post, mentionRoleId, options.Value.MaxUploadBytes) with { Nonce = idempotencyKey, EnforceNonce = true };
        return await SendAsync(async () => (await rest.CreateMessageAsync(channel, message, cancellationToken).ConfigureAwait(false)).Id).ConfigureAwait(false);
    }

    /// <summary>PATCH /channels/{id}/messages/{id}; a deleted message (404, Unknown Message) is a permanent failure.</summary>
    public async Task<PublishResult> EditAsync(ChatTarget target, string messageId, Reply post, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(target.Channel, out var channel) || !Snowflake.TryParse(messageId, out var message))
        {
            return PublishResult.Permanent($"'{target.Channel}/{messageId}' is not a Discord channel and message id");
        }

        var edit = DiscordRenderer.Render(post, mentionRoleId: null, options.Value.MaxUploadBytes);
        return await SendAsync(async () => (await rest.EditMessageAsync(channel, message, edit, cancellationToken).ConfigureAwait(false)).Id).ConfigureAwait(false);
    }

    private static async Task<PublishResult> SendAsync(Func<Task<Snowflake>> send)
    {
        try
        {
            return PublishResult.Sent((await send().ConfigureAwait(false)).ToString());
        }
        catch (DiscordApiException exception)
        {
            var reason = $"Discord {exception.Status}{(exception.JsonCode is { } code ? $" ({code})" : "")}: {exception.Message}";
            return exception.IsPermanent ? PublishResult.Permanent(reason) : PublishResult.Transient(reason);
        }
    }
}
