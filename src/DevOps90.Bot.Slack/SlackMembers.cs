namespace DevOps90.Bot.Slack;

/// <summary>
/// How a Slack user is named in the bot's data: "slack:&lt;team id&gt;:&lt;user id&gt;". Slack user ids are unique
/// only within a workspace (https://docs.slack.dev/reference/objects/user-object: "ids are unique to a workspace"),
/// so the workspace's team id is part of ours: U123 of one workspace is never taken for U123 of another.
/// </summary>
internal static class SlackMembers
{
    public const string Prefix = "slack:";

    public static string MemberId(string teamId, string userId)
    {
        if (!IsSlackId(teamId) || !IsSlackId(userId))
        {
            throw new ArgumentException($"'{teamId}' and '{userId}' must be Slack ids (letters and digits)");
        }

        return $"{Prefix}{teamId}:{userId}";
    }

    /// <summary>The team and user of a Slack member id; false for other platforms' members and malformed ids.</summary>
    public static bool TryParse(string? memberId, out string teamId, out string userId)
    {
        teamId = "";
        userId = "";
        if (memberId is null || !memberId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = memberId[Prefix.Length..].Split(':');
        if (parts.Length != 2 || !IsSlackId(parts[0]) || !IsSlackId(parts[1]))
        {
            return false;
        }

        (teamId, userId) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>
    /// Whether a value has the shape of a Slack id (T…, U…, W…, C…, S…): upper-case ASCII letters and digits. Ids go
    /// into markup such as &lt;@U…&gt;, so nothing else may pass.
    /// </summary>
    public static bool IsSlackId(string? value) =>
        value is { Length: >= 2 and <= 32 } && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
