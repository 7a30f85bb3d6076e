using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// A message as the answer to a command or button (the acknowledgement, or a POST to response_url): ephemeral for one
/// member, in_channel for everyone (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses).
/// </summary>
internal static class SlackResponses
{
    public static JsonObject Of(SlackMessage message) => new()
    {
        ["response_type"] = message.IsPrivate ? "ephemeral" : "in_channel",
        // A button's answer is a new message; the post with the button stays as everyone sees it.
        ["replace_original"] = false,
        ["text"] = message.Text,
        // A message is rendered for one answer, so its blocks move into it rather than being copied.
        ["blocks"] = message.Blocks.Parent is null ? message.Blocks : message.Blocks.DeepClone(),
    };
}
