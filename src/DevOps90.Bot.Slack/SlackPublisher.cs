using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack;

/// <summary>
/// Daily posts into Slack channels. Slack has no idempotency key for chat.postMessage, so each post carries the
/// ledger's key in its message metadata (https://api.slack.com/metadata/using), and
/// <see cref="FindPublishedAsync"/> reads it back from the channel's history when an earlier attempt's outcome is
/// unknown. The mention is the cohort's user group.
/// </summary>
internal sealed class SlackPublisher(ISlackApi slack, Commands.SlackUsers? users = null) : IChatPublisher
{
    public const string PlatformName = "slack";

    /// <summary>The metadata event_type of a daily post; its event_payload holds delivery_key.</summary>
    public const string PostEventType = "devops90_post";

    public const string DeliveryKeyField = "delivery_key";

    // conversations.history returns at most 999 a page and recommends no more than 200
    // (https://api.slack.com/methods/conversations.history); posts are looked for minutes after the attempt, so a
    // few pages reach far enough back in any channel.
    private const int HistoryPageSize = 200;
    private const int MaxHistoryPages = 5;

    public string Platform => PlatformName;

    public bool DeduplicatesResends => false;

    public async Task<PublishResult> PublishAsync(
        ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        if (mentionRoleId is not null && !SlackMembers.IsSlackId(mentionRoleId))
        {
            return PublishResult.Permanent($"'{mentionRoleId}' is not a Slack user group id (S…); check the cohort's mention setting");
        }

        var message = SlackRenderer.Render(await ForChannelAsync(post, cancellationToken).ConfigureAwait(false), mentionRoleId);
        var arguments = Arguments(target.Channel, message);
        // Link previews would add a card per resource under the post.
        arguments["unfurl_links"] = false;
        arguments["unfurl_media"] = false;
        arguments["metadata"] = new JsonObject
        {
            ["event_type"] = PostEventType,
            ["event_payload"] = new JsonObject { [DeliveryKeyField] = idempotencyKey },
        };

        string ts;
        try
        {
            var answer = await slack.CallAsync("chat.postMessage", arguments, cancellationToken).ConfigureAwait(false);
            ts = answer.GetProperty("ts").GetString()!;
        }
        catch (SlackApiException exception)
        {
            return Failure(exception);
        }

        var missing = await UploadAsync(target.Channel, ts, message.Files, cancellationToken).ConfigureAwait(false);
        return missing is null ? PublishResult.Sent(ts) : new PublishResult(PublishOutcome.Sent, ts, missing);
    }

    /// <summary>
    /// conversations.history since <paramref name="since"/>, newest first, a bounded number of pages: the ts of the
    /// message whose metadata names <paramref name="idempotencyKey"/>. Slack's errors propagate (the caller counts a
    /// failed lookup as a transient failure); null when no such message is within reach.
    /// </summary>
    public async Task<string?> FindPublishedAsync(
        ChatTarget target, string idempotencyKey, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var arguments = new JsonObject
            {
                ["channel"] = target.Channel,
                ["oldest"] = SlackTs(since),
                ["include_all_metadata"] = true,
                ["limit"] = HistoryPageSize,
            };
            if (cursor is not null)
            {
                arguments["cursor"] = cursor;
            }

            var answer = await slack.CallAsync("conversations.history", arguments, cancellationToken).ConfigureAwait(false);
            if (answer.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in messages.EnumerateArray())
                {
                    if (CarriesKey(message, idempotencyKey) && message.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String)
                    {
                        return ts.GetString();
                    }
                }
            }

            cursor = answer.TryGetProperty("response_metadata", out var metadata) && metadata.TryGetProperty("next_cursor", out var next)
                && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>chat.update; a deleted message (message_not_found) or one the bot cannot edit is a permanent failure.</summary>
    public async Task<PublishResult> EditAsync(ChatTarget target, string messageId, Reply post, CancellationToken cancellationToken = default)
    {
        // No mention: an edit notifies nobody. Files cannot be changed by chat.update and stay as first posted.
        var message = SlackRenderer.Render(await ForChannelAsync(post, cancellationToken).ConfigureAwait(false));
        var arguments = Arguments(target.Channel, message);
        arguments["ts"] = messageId;
        // Sent even when empty: chat.update keeps the old blocks when none are given.
        arguments["blocks"] ??= new JsonArray();
        try
        {
            await slack.CallAsync("chat.update", arguments, cancellationToken).ConfigureAwait(false);
            return PublishResult.Sent(messageId);
        }
        catch (SlackApiException exception)
        {
            return Failure(exception);
        }
    }

    /// <summary>
    /// A reply under the post: Slack has no named threads and none to open (a post's replies are its thread, and
    /// <see cref="IChatPublisher.OpenThreadAsync"/> keeps the post's ts as the thread's id), and its threads never
    /// archive. chat.postMessage with thread_ts.
    /// </summary>
    public async Task<PublishResult> PostInThreadAsync(ChatTarget target, string threadId, Reply post, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var message = SlackRenderer.Render(await ForChannelAsync(post, cancellationToken).ConfigureAwait(false));
        var arguments = Arguments(target.Channel, message);
        arguments["thread_ts"] = threadId;
        arguments["unfurl_media"] = false;
        try
        {
            var answer = await slack.CallAsync("chat.postMessage", arguments, cancellationToken).ConfigureAwait(false);
            return PublishResult.Sent(answer.GetProperty("ts").GetString()!);
        }
        catch (SlackApiException exception)
        {
            return Failure(exception);
        }
    }

    /// <summary>An instant as Slack's message timestamps write it: seconds since 1970, a dot, six digits of microseconds.</summary>
    public static string SlackTs(DateTimeOffset instant)
    {
        var micros = Math.Max(0, (instant - DateTimeOffset.UnixEpoch).Ticks / 10);
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
    }

    internal static JsonObject Arguments(string channel, SlackMessage message)
    {
        var arguments = new JsonObject { ["channel"] = channel, ["text"] = message.Text };
        if (message.Blocks.Count > 0)
        {
            arguments["blocks"] = message.Blocks.DeepClone();
        }

        return arguments;
    }

    private static bool CarriesKey(JsonElement message, string key) =>
        message.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == PostEventType
        && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty(DeliveryKeyField, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == key;

    // The files of a post go into its thread once it exists. A file that fails is named in the result's reason: the
    // post itself is out, and posting it again for the file's sake would show it twice.
    private async Task<string?> UploadAsync(string channel, string ts, IEnumerable<ReplyAttachment> files, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                await slack.UploadFileAsync(
                    new SlackFileUpload(file.FileName, file.Content, Title: file.Description ?? file.FileName, ChannelId: channel, ThreadTs: ts),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException exception)
            {
                failures.Add($"{file.FileName}: {exception.Message}");
            }
        }

        return failures.Count == 0 ? null : "posted without " + string.Join("; ", failures);
    }

    private static PublishResult Failure(SlackApiException exception) =>
        exception.IsPermanent ? PublishResult.Permanent(exception.Message) : PublishResult.Transient(exception.Message);

    /// <summary>Commands named as typed on Slack; members by name, since a mention in a channel notifies them.</summary>
    private async Task<Reply> ForChannelAsync(Reply post, CancellationToken cancellationToken)
    {
        post = Commands.SlackCommandNames.Rewrite(post);
        return users is null ? post : await Commands.SlackMemberNames.ForEveryoneAsync(post, users, cancellationToken).ConfigureAwait(false);
    }
}
