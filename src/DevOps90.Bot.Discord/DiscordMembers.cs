namespace DevOps90.Bot.Discord;

/// <summary>
/// How a Discord user is named in the bot's data: "discord:&lt;user id&gt;", so a check-in of Discord user 1 can
/// never be taken for another platform's user 1. A Discord user id is the same in every server, so one person is one
/// member across servers (and <c>/forget-me</c> reaches them everywhere).
/// </summary>
internal static class DiscordMembers
{
    public const string Prefix = "discord:";

    public static string MemberId(string userId) => Prefix + userId;

    /// <summary>The user id of a member of ours; other ids are shown as they are.</summary>
    public static string UserId(string memberId) =>
        memberId.StartsWith(Prefix, StringComparison.Ordinal) ? memberId[Prefix.Length..] : memberId;

    /// <summary>A value that is one role or channel mention ("&lt;@&amp;123&gt;", "&lt;#123&gt;") as the id it names; other text unchanged.</summary>
    public static string BareReference(string value)
    {
        var trimmed = value.Trim();
        var id = trimmed.StartsWith("<@&", StringComparison.Ordinal) ? trimmed[3..] : trimmed.StartsWith("<#", StringComparison.Ordinal) ? trimmed[2..] : null;
        return id is not null && id.EndsWith('>') && Snowflake.TryParse(id[..^1], out _) ? id[..^1] : value;
    }

    /// <summary>A user option's value as Discord sends it (an id) or as typed in a button ("&lt;@id&gt;").</summary>
    public static string FromOption(string value) => MemberId(UserId(value.Trim().TrimStart('<').TrimStart('@', '!').TrimEnd('>')));
}
