using System.Text.RegularExpressions;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// Slack's escaped references in a command's text, as Slack sends them when the command escapes users and channels
/// (https://docs.slack.dev/interactivity/implementing-slash-commands#creating_commands): "&lt;@U123|ada&gt;",
/// "&lt;!subteam^S123|@mods&gt;", "&lt;#C123|general&gt;". An option that is one of them becomes the bare id it names.
/// </summary>
internal static partial class SlackMentions
{
    /// <summary>The user id of "&lt;@U123|name&gt;" or "&lt;@U123&gt;"; null for anything else.</summary>
    public static string? UserId(string value) => User().Match(value.Trim()) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>A whole-value reference replaced by its id (a user group, a channel, a user); other text unchanged.</summary>
    public static string Bare(string value)
    {
        var trimmed = value.Trim();
        var match = Reference().Match(trimmed);
        return match.Success ? match.Groups["id"].Value : value;
    }

    [GeneratedRegex(@"^<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>$")]
    private static partial Regex User();

    [GeneratedRegex(@"^<(?:@|#|!subteam\^)(?<id>[A-Z0-9]+)(\|[^>]*)?>$")]
    private static partial Regex Reference();
}
