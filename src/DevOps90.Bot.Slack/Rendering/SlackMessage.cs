using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// A reply as Slack takes it: <paramref name="Text"/> is the notification and fallback text, <paramref name="Blocks"/>
/// what members see. <paramref name="Files"/> are not in the blocks: the caller uploads them (files.* methods), into
/// the message's thread or the member's direct message.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray Blocks, ImmutableArray<ReplyAttachment> Files, bool IsPrivate);
