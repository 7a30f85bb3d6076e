using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Inbound;

namespace DevOps90.Bot.Slack.SocketMode;

/// <summary>
/// One delivery over Socket Mode (https://docs.slack.dev/apis/events-api/using-socket-mode): what Slack would have
/// POSTed over HTTP, wrapped with the id its acknowledgement names. Slack delivers it again, with retry_attempt above
/// zero, when no acknowledgement came in time.
/// </summary>
internal sealed record SocketModeEnvelope(
    SlackInboundKind Kind,
    string EnvelopeId,
    JsonObject Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt)
{
    /// <summary>
    /// What recognises a redelivery: an event keeps its event_id across deliveries (and across transports), anything
    /// else its envelope_id.
    /// </summary>
    public string DeliveryKey =>
        Kind == SlackInboundKind.Event && SlackHttpParser.StringOf(Payload, "event_id") is { Length: > 0 } eventId
            ? "event:" + eventId
            : "envelope:" + EnvelopeId;

    public static SlackInboundKind? KindOf(string? type) => type switch
    {
        "slash_commands" => SlackInboundKind.SlashCommand,
        "interactive" => SlackInboundKind.Interaction,
        "events_api" => SlackInboundKind.Event,
        _ => null,
    };

    /// <summary>The envelope, or null when it lacks an envelope_id or an object payload.</summary>
    public static SocketModeEnvelope? Parse(SlackInboundKind kind, JsonObject message)
    {
        if (SlackHttpParser.StringOf(message, "envelope_id") is not { Length: > 0 } envelopeId
            || message["payload"] is not JsonObject payload)
        {
            return null;
        }

        var accepts = message["accepts_response_payload"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        var retry = message["retry_attempt"] is JsonValue attempt && attempt.TryGetValue<int>(out var number) ? number : 0;
        // Detached, so the handler owns its payload and may keep or change it.
        message.Remove("payload");
        return new SocketModeEnvelope(kind, envelopeId, payload, accepts, retry);
    }

    /// <summary>The acknowledgement: the envelope_id, and the handler's payload when Slack said it would take one.</summary>
    public JsonObject Acknowledgement(JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = EnvelopeId };
        if (payload is not null && AcceptsResponsePayload)
        {
            ack["payload"] = payload;
        }

        return ack;
    }
}
