using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// Answers what Slack sends, whichever transport brought it. <c>/devops90 day 2</c>: the text is a command in the
/// grammar every platform shares, answered in the acknowledgement when ready within the budget, else acknowledged
/// at once and finished through response_url. A button's value is a command line too; its answer, private to whoever
/// pressed it, always goes through response_url, since an interaction's acknowledgement carries no message.
/// </summary>
internal sealed partial class SlackCommandHandler(
    CommandDispatcher dispatcher,
    SlackRequests requests,
    SlackUsers users,
    SlackFollowUps followUps,
    TimeProvider time,
    ILogger<SlackCommandHandler> logger) : ISlackInboundHandler
{
    /// <summary>Leaves room for the network within Slack's 3 seconds (https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response).</summary>
    public TimeSpan ReplyBudget { get; init; } = TimeSpan.FromSeconds(2.5);

    public Task<JsonObject?> HandleAsync(SlackInbound inbound, CancellationToken cancellationToken = default) => inbound.Kind switch
    {
        SlackInboundKind.SlashCommand => CommandAsync(inbound.Payload, cancellationToken),
        SlackInboundKind.Interaction => Task.FromResult(Interaction(inbound.Payload)),
        _ => Task.FromResult(Event(inbound.Payload)),
    };

    private async Task<JsonObject?> CommandAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        if (Text(payload, "team_id") is not { } team || Text(payload, "user_id") is not { } user)
        {
            return null;
        }

        var caller = new SlackCaller(team, user, Text(payload, "channel_id"));
        var typed = CommandGrammar.Parse(Text(payload, "text") ?? "", dispatcher.Find)
            ?? new TypedCommand(CommandNames.Help, [], WantsSuggestions: false, SuggestOption: null);
        var responseUrl = Uri.TryCreate(Text(payload, "response_url"), UriKind.Absolute, out var url) ? url : null;
        // The work's token is the follow-ups' own, not the transport's: an answer being prepared when the bot begins to
        // stop is still sent (the transport's token is cancelled as the stop begins, before work in flight is done).
        var work = AnswerAsync(caller, typed, forcePrivate: false, followUps.WorkToken);
        if (!work.IsCompleted)
        {
            // Nearly every reply is ready at once; only a slow one waits on a timer, cancelled when not needed.
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(work, Task.Delay(ReplyBudget, time, budget.Token)).ConfigureAwait(false);
            await budget.CancelAsync().ConfigureAwait(false);
        }

        if (work.IsCompletedSuccessfully && work.Result.Files.IsEmpty)
        {
            return SlackResponses.Of(work.Result);
        }

        // Late, or with files to upload first: an empty acknowledgement now, the answer through response_url.
        FollowUp(new SlackFollowUp(caller, responseUrl, work));
        return null;
    }

    private JsonObject? Interaction(JsonObject payload)
    {
        if (Text(payload, "type") != "block_actions"
            || payload["user"]?["id"]?.GetValue<string>() is not { } user
            || (payload["team"]?["id"]?.GetValue<string>() ?? payload["user"]?["team_id"]?.GetValue<string>()) is not { } team)
        {
            return null;
        }

        var caller = new SlackCaller(team, user, payload["channel"]?["id"]?.GetValue<string>());
        var responseUrl = Uri.TryCreate(Text(payload, "response_url"), UriKind.Absolute, out var url) ? url : null;
        foreach (var action in payload["actions"]?.AsArray() ?? [])
        {
            if (action?["value"]?.GetValue<string>() is { } value
                && CommandGrammar.Parse(value, dispatcher.Find) is { WantsSuggestions: false } typed)
            {
                FollowUp(new SlackFollowUp(caller, responseUrl, AnswerAsync(caller, typed, forcePrivate: true, followUps.WorkToken)));
            }
        }

        return null;
    }

    private void FollowUp(SlackFollowUp followUp)
    {
        if (!followUps.TryEnqueue(followUp))
        {
            // The bot is stopping: nothing new is started, and the member gets no answer, as when the bot is down.
            LogNotFollowedUp(logger);
        }
    }

    private JsonObject? Event(JsonObject payload)
    {
        var type = payload["event"]?["type"]?.GetValue<string>();
        if (type is "app_uninstalled" or "tokens_revoked")
        {
            // Nothing to clean up here: posts to the workspace now fail permanently and the delivery history says so.
            LogWorkspaceLeft(logger, Text(payload, "team_id") ?? "?", type);
        }

        return null;
    }

    private async Task<SlackMessage> AnswerAsync(SlackCaller caller, TypedCommand typed, bool forcePrivate, CancellationToken cancellationToken)
    {
        var request = await requests.BuildAsync(caller, typed, cancellationToken).ConfigureAwait(false);
        Reply reply;
        if (typed.WantsSuggestions)
        {
            var option = typed.SuggestOption;
            var choices = option is null ? [] : dispatcher.Complete(request, option, typed.Options.GetValueOrDefault(option, ""));
            reply = SlackSuggestions.Reply(choices, dispatcher.ScopeFor(request).Text);
        }
        else
        {
            reply = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        }

        reply = SlackCommandNames.Rewrite(forcePrivate ? reply with { IsPrivate = true } : reply);
        return SlackRenderer.Render(await SlackMemberNames.ForEveryoneAsync(reply, users, cancellationToken).ConfigureAwait(false));
    }

    private static string? Text(JsonObject payload, string name) =>
        payload[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "A late Slack answer is not sent: the bot is stopping")]
    private static partial void LogNotFollowedUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {TeamId} removed the bot ({Event}): its study groups get no posts until it is installed again")]
    private static partial void LogWorkspaceLeft(ILogger logger, string teamId, string @event);
}
