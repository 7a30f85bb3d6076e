using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord;

/// <summary>
/// Private messages to a Discord user: open (or find) the DM channel, then post into it: two requests, both under
/// the global rate limit. A user who shares no server with the bot or blocks messages from it answers 50007 (Cannot
/// send messages to this user, https://discord.com/developers/docs/topics/opcodes-and-status-codes#json), which is
/// <see cref="DirectMessageOutcome.Closed"/>, never retried. Both requests wait their turn in <paramref name="pace"/>,
/// which keeps a round of reminders under the global limit with room to spare.
/// </summary>
internal sealed class DiscordDirectMessenger(IDiscordRestClient rest, IOptions<DiscordOptions> options, DirectMessagePace pace) : IDirectMessenger
{
    /// <summary>Discord's JSON error code for a user who takes no messages from the bot.</summary>
    public const int CannotSendToUser = 50007;

    public string Platform => Interactions.InteractionProcessor.Platform;

    public async Task<DirectMessageResult> SendAsync(string memberId, Reply message, CancellationToken cancellationToken = default)
    {
        if (!Snowflake.TryParse(DiscordMembers.UserId(memberId), out var user))
        {
            return new DirectMessageResult(DirectMessageOutcome.PermanentFailure, Reason: $"'{memberId}' is not a Discord member id");
        }

        try
        {
            await pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var channel = await rest.CreateDirectMessageChannelAsync(user, cancellationToken).ConfigureAwait(false);
            var payload = DiscordRenderer.Render(message, mentionRoleId: null, options.Value.MaxUploadBytes);
            await pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var sent = await rest.CreateMessageAsync(channel.Id, payload, cancellationToken).ConfigureAwait(false);
            return new DirectMessageResult(DirectMessageOutcome.Sent, sent.Id.ToString());
        }
        catch (DiscordApiException exception)
        {
            var reason = $"Discord {exception.Status}{(exception.JsonCode is { } code ? $" ({code})" : "")}: {exception.Message}";
            var outcome = exception.JsonCode == CannotSendToUser ? DirectMessageOutcome.Closed
                : exception.IsPermanent ? DirectMessageOutcome.PermanentFailure
                : DirectMessageOutcome.TransientFailure;
            return new DirectMessageResult(outcome, Reason: reason);
        }
    }
}
