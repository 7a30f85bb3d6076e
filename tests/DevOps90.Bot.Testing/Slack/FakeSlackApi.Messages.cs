using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>chat.postMessage, chat.postEphemeral, chat.update and conversations.history over per-channel messages.</summary>
public sealed partial class FakeSlackApi
{

    private readonly Dictionary<string, List<FakeSlackMessage>> _messages = new(StringComparer.Ordinal);
    private readonly List<FakeSlackEphemeral> _ephemerals = [];
    private long _lastTs;

    /// <summary>The messages of a channel, oldest first (thread replies included).</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string channel)
    {
        lock (_lock)
        {
            return _messages.TryGetValue(channel, out var list) ? [.. list] : [];
        }
    }

    public IReadOnlyList<FakeSlackEphemeral> Ephemerals
    {
        get
        {
            lock (_lock)
            {
                return [.. _ephemerals];
            }
        }
    }

    /// <summary>Puts a message in a channel as if the bot had posted it earlier; returns its ts.</summary>
    public string AddMessage(string channel, string text, JsonObject? metadata = null, string? threadTs = null)
    {
        lock (_lock)
        {
            var message = new FakeSlackMessage(channel, NextTs(), text, null, threadTs, metadata?.DeepClone().AsObject(), BotUserId);
            Channel(channel).Add(message);
            return message.Ts;
        }
    }

    private JsonObject PostMessage(JsonObject arguments)
    {
        if (String(arguments, "channel") is not { } channel)
        {
            return Error("channel_not_found");
        }

        if (String(arguments, "text") is null && arguments["blocks"] is null)
        {
            return Error("no_text");
        }

        lock (_lock)
        {
            var message = new FakeSlackMessage(
                channel,
                NextTs(),
                String(arguments, "text"),
                arguments["blocks"]?.DeepClone() as JsonArray,
                String(arguments, "thread_ts"),
                arguments["metadata"]?.DeepClone() as JsonObject,
                BotUserId,
                Flag(arguments, "reply_broadcast"));
            Channel(channel).Add(message);
            return Ok(new JsonObject { ["channel"] = channel, ["ts"] = message.Ts, ["message"] = ToJson(message, withMetadata: true) });
        }
    }

    private JsonObject PostEphemeral(JsonObject arguments)
    {
        if (String(arguments, "channel") is not { } channel)
        {
            return Error("channel_not_found");
        }

        if (String(arguments, "user") is not { } user)
        {
            return Error("user_not_in_channel");
        }

        lock (_lock)
        {
            var ephemeral = new FakeSlackEphemeral(
                channel, user, String(arguments, "text"), arguments["blocks"]?.DeepClone() as JsonArray, String(arguments, "thread_ts"), NextTs());
            _ephemerals.Add(ephemeral);
            return Ok(new JsonObject { ["message_ts"] = ephemeral.MessageTs });
        }
    }

    private JsonObject Update(JsonObject arguments)
    {
        var channel = String(arguments, "channel");
        var ts = String(arguments, "ts");
        lock (_lock)
        {
            if (channel is null || !_messages.TryGetValue(channel, out var list))
            {
                return Error("channel_not_found");
            }

            var index = list.FindIndex(message => message.Ts == ts);
            if (index < 0)
            {
                return Error("message_not_found");
            }

            var updated = list[index] with
            {
                Text = String(arguments, "text") ?? list[index].Text,
                Blocks = arguments["blocks"]?.DeepClone() as JsonArray ?? list[index].Blocks,
                Metadata = arguments["metadata"]?.DeepClone() as JsonObject ?? list[index].Metadata,
            };
            list[index] = updated;
            return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = updated.Text, ["message"] = ToJson(updated, withMetadata: true) });
        }
    }

    // Newest first; oldest and latest are exclusive unless inclusive=true; cursor pagination with next_cursor.
    // https://docs.slack.dev/reference/methods/conversations.history
    private JsonObject History(JsonObject arguments)
    {
        if (String(arguments, "channel") is not { } channel)
        {
            return Error("channel_not_found");
        }

        var oldest = Number(String(arguments, "oldest")) ?? 0m;
        var latest = Number(String(arguments, "latest")) ?? decimal.MaxValue;
        var inclusive = Flag(arguments, "inclusive");
        var limit = Math.Clamp(Integer(arguments, "limit") ?? 100, 1, 999);
        var offset = DecodeCursor(String(arguments, "cursor"));
        var withMetadata = Flag(arguments, "include_all_metadata");
        lock (_lock)
        {
            var matching = Channel(channel)
                .Where(message => message.IsInHistory)
                .Where(message => Number(message.Ts) is { } ts && (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest))
                .OrderByDescending(message => Number(message.Ts))
                .ToList();
            var page = matching.Skip(offset).Take(limit).Select(message => (JsonNode)ToJson(message, withMetadata)).ToArray();
            var more = offset + limit < matching.Count;
            return Ok(new JsonObject
            {
                ["messages"] = new JsonArray(page),
                ["has_more"] = more,
                ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? EncodeCursor(offset + limit) : "" },
            });
        }
    }

    private static JsonObject ToJson(FakeSlackMessage message, bool withMetadata)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["user"] = message.User,
            ["bot_id"] = BotId,
            ["text"] = message.Text ?? "",
            ["ts"] = message.Ts,
            ["team"] = TeamId,
        };
        if (message.Blocks is not null)
        {
            json["blocks"] = message.Blocks.DeepClone();
        }

        if (message.ThreadTs is not null)
        {
            json["thread_ts"] = message.ThreadTs;
        }

        if (withMetadata && message.Metadata is not null)
        {
            json["metadata"] = new JsonObject
            {
                ["event_type"] = message.Metadata["event_type"]?.DeepClone(),
                ["event_payload"] = message.Metadata["event_payload"]?.DeepClone(),
            };
        }

        return json;
    }

    private List<FakeSlackMessage> Channel(string channel)
    {
        if (!_messages.TryGetValue(channel, out var list))
        {
            list = [];
            _messages[channel] = list;
        }

        return list;
    }

    // Under _lock.
    /// <summary>
    /// Slack's ts is the time the message was posted ("seconds.microseconds", unique per channel): taken from the fake's
    /// clock, so history read "since" a moment finds what was posted after it, and one microsecond on from the last
    /// so that two messages in one instant still differ.
    /// </summary>
    private string NextTs()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;
        _lastTs = Math.Max(now, _lastTs + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{_lastTs / 1_000_000}.{_lastTs % 1_000_000:D6}");
    }

    private static string EncodeCursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    private static int DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        return int.Parse(text["offset:".Length..], CultureInfo.InvariantCulture);
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? String(JsonObject arguments, string name) =>
        arguments[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Integer(JsonObject arguments, string name) => arguments[name] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    // Forms carry "true" or "1"; JSON carries true.
    private static bool Flag(JsonObject arguments, string name) => arguments[name] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => text is "true" or "1",
        _ => false,
    };
}
