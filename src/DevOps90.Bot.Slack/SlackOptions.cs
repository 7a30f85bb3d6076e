namespace DevOps90.Bot.Slack;

public enum SlackTransport
{
    /// <summary>Commands and button presses arrive over one WebSocket the bot opens: no public address needed.</summary>
    SocketMode,

    /// <summary>They arrive at POST /slack/commands, /slack/interactions and /slack/events, signed by Slack.</summary>
    Http,
}

/// <summary>
/// The "Slack" section. Tokens and the signing secret come from the environment (Slack__BotToken) or a secrets file,
/// never from committed settings; <see cref="ToString"/> never shows them.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The bot token (xoxb-…), for every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app's signing secret, to verify requests received over HTTP.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The app-level token (xapp-…) with connections:write, to open Socket Mode connections.</summary>
    public string? AppToken { get; set; }

    public SlackTransport Transport { get; set; } = SlackTransport.SocketMode;

    /// <summary>The Web API base; tests point it at a fake Slack on loopback.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api";

    public override string ToString() =>
        $"Slack transport {Transport}, API {ApiBaseUrl}, bot token {Set(BotToken)}, signing secret {Set(SigningSecret)}, app token {Set(AppToken)}";

    private static string Set(string? secret) => string.IsNullOrEmpty(secret) ? "missing" : "set";
}
