namespace DevOps90.Bot.Slack;

/// <summary>
/// The slash command and the HTTP paths the adapter serves, in one place: config/slack/manifest.json names the same
/// (a test holds them together). With Socket Mode on, Slack ignores the URLs and sends everything over the socket.
/// </summary>
public static class SlackRoutes
{
    public const string SlashCommand = "/devops90";

    public const string Commands = "/slack/commands";

    public const string Interactions = "/slack/interactions";

    public const string Events = "/slack/events";
}
