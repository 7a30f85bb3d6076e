using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace DevOps90.Bot.Slack.Inbound;

/// <summary>
/// What a verified request asks for: an <see cref="SlackInbound"/> for the handler with the key that recognises it
/// when Slack delivers it again, or an answer given here (the url_verification challenge, an event type the bot does not
/// take). Null from a parse method means the body is not what Slack sends to that path: 400.
/// </summary>
internal sealed record SlackHttpRequest(SlackInbound? Inbound, string? DeliveryKey, string? Challenge = null)
{
    public static readonly SlackHttpRequest Ignored = new(null, null);
}

internal static class SlackHttpParser
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A slash command: a form (https://docs.slack.dev/interactivity/implementing-slash-commands) whose fields become
    /// the payload's string properties. A replay of the same command is recognised by its trigger_id.
    /// </summary>
    public static SlackHttpRequest? ParseCommand(byte[] body, string signature)
    {
        var form = ReadForm(body);
        if (form is null || form["command"]?.GetValue<string>() is not { Length: > 0 })
        {
            return null;
        }

        return new SlackHttpRequest(new SlackInbound(SlackInboundKind.SlashCommand, form), DeliveryKey(form, signature));
    }

    /// <summary>An interaction: a form whose one field, payload, holds the interaction as JSON.</summary>
    public static SlackHttpRequest? ParseInteraction(byte[] body, string signature)
    {
        var form = ReadForm(body);
        if (form?["payload"]?.GetValue<string>() is not { } json || ParseObject(json) is not { } payload
            || payload["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        return new SlackHttpRequest(new SlackInbound(SlackInboundKind.Interaction, payload), DeliveryKey(payload, signature));
    }

    /// <summary>
    /// An Events API request (https://docs.slack.dev/apis/events-api/): the url_verification handshake, answered with
    /// its challenge, or an event_callback, recognised when retried by its event_id. Other types (app_rate_limited) are
    /// acknowledged and left alone.
    /// </summary>
    public static SlackHttpRequest? ParseEvent(byte[] body)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        switch (StringOf(root, "type"))
        {
            case "url_verification":
                return StringOf(root, "challenge") is { } challenge ? new SlackHttpRequest(null, null, challenge) : null;
            case "event_callback":
                return StringOf(root, "event_id") is { Length: > 0 } eventId && root!["event"] is JsonObject
                    ? new SlackHttpRequest(new SlackInbound(SlackInboundKind.Event, root), "event:" + eventId)
                    : null;
            case null:
                return null;
            default:
                return SlackHttpRequest.Ignored;
        }
    }

    public static string? StringOf(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// The trigger_id when there is one (Slack makes one per command and per button press); otherwise the signature,
    /// which is the same for a byte-for-byte replay of the request and for nothing else.
    /// </summary>
    private static string DeliveryKey(JsonObject payload, string signature) =>
        StringOf(payload, "trigger_id") is { Length: > 0 } triggerId ? "trigger:" + triggerId : "signature:" + signature;

    /// <summary>The form's fields as string properties; null when it is not UTF-8 or names a field twice (Slack never does).</summary>
    private static JsonObject? ReadForm(byte[] body)
    {
        string text;
        try
        {
            text = _strictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields;
        try
        {
            using var reader = new FormReader(text);
            fields = reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            // Past FormReader's limits on keys, values or their count: not a form Slack sends.
            return null;
        }

        var form = new JsonObject();
        foreach (var (name, values) in fields)
        {
            if (values.Count != 1)
            {
                return null;
            }

            form[name] = values[0];
        }

        return form.Count > 0 ? form : null;
    }

    private static JsonObject? ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
