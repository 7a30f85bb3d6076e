using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack;

/// <summary>
/// Private messages to a Slack member: conversations.open for the direct message with the bot (scope im:write),
/// then chat.postMessage into it, with commands written as Slack members type them (/devops90 done). Slack's
/// refusals that mean the member cannot be written to (a deactivated or unknown user, a bot, a workspace that closes
/// the app's messages tab) are <see cref="DirectMessageOutcome.Closed"/>, as Discord's 50007 is.
/// </summary>
internal sealed class SlackDirectMessenger(ISlackApi slack) : IDirectMessenger
{
    private static readonly HashSet<string> ClosedCodes = new(StringComparer.Ordinal)
    {
        "user_not_found", "user_disabled", "cannot_dm_bot", "user_not_visible", "messages_tab_disabled", "restricted_action",
    };

    public string Platform => SlackPublisher.PlatformName;

    public async Task<DirectMessageResult> SendAsync(string memberId, Reply message, CancellationToken cancellationToken = default)
    {
        if (!SlackMembers.TryParse(memberId, out _, out var userId))
        {
            return new DirectMessageResult(DirectMessageOutcome.PermanentFailure, Reason: $"'{memberId}' is not a Slack member id");
        }

        try
        {
            var opened = await slack.CallAsync("conversations.open", new JsonObject { ["users"] = userId }, cancellationToken).ConfigureAwait(false);
            var channel = opened.GetProperty("channel").GetProperty("id").GetString()!;
            var rendered = SlackRenderer.Render(Commands.SlackCommandNames.Rewrite(message));
            var answer = await slack.CallAsync("chat.postMessage", SlackPublisher.Arguments(channel, rendered), cancellationToken).ConfigureAwait(false);
            return new DirectMessageResult(DirectMessageOutcome.Sent, answer.GetProperty("ts").GetString());
        }
        catch (SlackApiException exception)
        {
            var outcome = ClosedCodes.Contains(exception.Error) ? DirectMessageOutcome.Closed
                : exception.IsPermanent ? DirectMessageOutcome.PermanentFailure
                : DirectMessageOutcome.TransientFailure;
            return new DirectMessageResult(outcome, Reason: exception.Message);
        }
    }
}
