using System.Text.Json;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord;

/// <summary>
/// Daily posts into Discord channels: POST /channels/{id}/messages with the ledger's key as nonce and enforce_nonce,
/// so a retry after a crash returns the message already created instead of posting it again. Also the post's thread
/// (started from the post message), messages in it, and milestone roles.
/// </summary>
internal sealed class DiscordPublisher(IDiscordRestClient rest, IOptions<DiscordOptions> options, DiscordCommunities? communities = null) : IChatPublisher
{
    // https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
    private const int ThreadAlreadyCreated = 160004;
    private const int UnknownRole = 10011;
    private const int MissingPermissions = 50013;
    private const int MissingAccess = 50001;

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

        return await CreateAsync(channel, post, idempotencyKey, mentionRoleId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// A public thread on the post message, named after the lesson (cut to Discord's 100 characters), archived after a
    /// quiet day. Its id is the message's; a second start for the same message (a restart, another instance) is
    /// refused by Discord with 160004, which means the thread is there: no second thread can exist.
    /// </summary>
    public async Task<PublishResult> OpenThreadAsync(ChatTarget target, string messageId, string name, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(target.Channel, out var channel) || !Snowflake.TryParse(messageId, out var message))
        {
            return PublishResult.Permanent($"'{target.Channel}/{messageId}' is not a Discord channel and message id");
        }

        try
        {
            var thread = await rest.StartThreadFromMessageAsync(channel, message, new ThreadPayload(TextCutter.Cut(name, ThreadPayload.MaxName), ThreadPayload.OneDay), cancellationToken).ConfigureAwait(false);
            return PublishResult.Sent(thread.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : messageId);
        }
        catch (DiscordApiException exception) when (exception.JsonCode == ThreadAlreadyCreated)
        {
            return PublishResult.Sent(messageId);
        }
        catch (DiscordApiException exception)
        {
            return Failure(exception);
        }
    }

    /// <summary>
    /// A message in the thread, unless the thread is archived: a member's message would bring it back, the bot's
    /// must not (the thread's channel object says, thread_metadata.archived), so the caller posts in the channel.
    /// </summary>
    public async Task<PublishResult> PostInThreadAsync(ChatTarget target, string threadId, Reply post, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(threadId, out var thread))
        {
            return PublishResult.Permanent($"'{threadId}' is not a Discord thread id");
        }

        try
        {
            var channel = await rest.GetChannelAsync(thread, cancellationToken).ConfigureAwait(false);
            if (channel.TryGetProperty("thread_metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("archived", out var archived) && archived.ValueKind == JsonValueKind.True)
            {
                return PublishResult.Permanent("the thread is archived");
            }
        }
        catch (DiscordApiException exception)
        {
            return Failure(exception);
        }

        return await CreateAsync(thread, post, idempotencyKey, mentionRoleId: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// PUT the role on the member, in the server of the cohort's channel. Discord refuses a missing Manage Roles
    /// permission and a role above the bot's highest alike (403, 50013); an unknown role is 404, 10011. Anything else
    /// (the member left, a 5xx) is not the role's fault and is not reported.
    /// </summary>
    public async Task<RoleGrantResult> GiveRoleAsync(ChatTarget target, string memberId, string roleId, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(roleId, out var role))
        {
            return new RoleGrantResult(RoleGrantOutcome.Refused, $"'{roleId}' is not a Discord role id");
        }

        if (!Snowflake.TryParse(DiscordMembers.UserId(memberId), out var user) || communities is null
            || await communities.CommunityOfAsync(target.Channel, cancellationToken).ConfigureAwait(false) is not { } guildId
            || !Snowflake.TryParse(guildId, out var guild))
        {
            return new RoleGrantResult(RoleGrantOutcome.TransientFailure, "the channel's server is not known");
        }

        try
        {
            await rest.AddMemberRoleAsync(guild, user, role, cancellationToken).ConfigureAwait(false);
            return new RoleGrantResult(RoleGrantOutcome.Given);
        }
        catch (DiscordApiException exception) when (exception.JsonCode is MissingPermissions or MissingAccess or UnknownRole || exception.Status == 403)
        {
            return new RoleGrantResult(RoleGrantOutcome.Refused, Reason(exception));
        }
        catch (DiscordApiException exception)
        {
            return new RoleGrantResult(RoleGrantOutcome.TransientFailure, Reason(exception));
        }
    }

    /// <summary>A message in a channel or thread; mentions notify only <paramref name="mentionRoleId"/>, if any.</summary>
    private async Task<PublishResult> CreateAsync(Snowflake channel, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken)
    {
        var message = DiscordRenderer.Render(post, mentionRoleId, options.Value.MaxUploadBytes) with { Nonce = idempotencyKey, EnforceNonce = true };
        return await SendAsync(async () => (await rest.CreateMessageAsync(channel, message, cancellationToken).ConfigureAwait(false)).Id).ConfigureAwait(false);
    }

    private static async Task<PublishResult> SendAsync(Func<Task<Snowflake>> send)
    {
        try
        {
            return PublishResult.Sent((await send().ConfigureAwait(false)).ToString());
        }
        catch (DiscordApiException exception)
        {
            return Failure(exception);
        }
    }

    private static PublishResult Failure(DiscordApiException exception) =>
        exception.IsPermanent ? PublishResult.Permanent(Reason(exception)) : PublishResult.Transient(Reason(exception));

    private static string Reason(DiscordApiException exception) =>
        $"Discord {exception.Status}{(exception.JsonCode is { } code ? $" ({code})" : "")}: {exception.Message}";
}
