using System.Text.Json.Nodes;

namespace DevOps90.Bot.Slack.Inbound;

public enum SlackInboundKind
{
    /// <summary>A slash command; the payload holds its fields (command, text, user_id, team_id, channel_id, response_url, …) as strings.</summary>
    SlashCommand,

    /// <summary>An interaction (block_actions: a button pressed); the payload is Slack's interaction payload.</summary>
    Interaction,

    /// <summary>An Events API callback (the outer event_callback: team_id, event_id, event).</summary>
    Event,
}

/// <summary>What Slack sent, the same whichever transport (HTTP or Socket Mode) brought it.</summary>
public sealed record SlackInbound(SlackInboundKind Kind, JsonObject Payload);

/// <summary>
/// Handles what Slack sent and returns the acknowledgement's payload within Slack's 3 seconds: null for an empty
/// acknowledgement, or a message (response_type, text, blocks) shown at once for a slash command.
/// </summary>
public interface ISlackInboundHandler
{
    Task<JsonObject?> HandleAsync(SlackInbound inbound, CancellationToken cancellationToken = default);
}
