namespace DevOps90.Bot.Core.Cohorts;

/// <summary>Where a cohort's posts go: a platform ("console", "discord", "slack") and a channel id on it.</summary>
public sealed record ChatTarget(string Platform, string Channel)
{
    public static ChatTarget Console { get; } = new("console", "console");

    public override string ToString() => $"{Platform}:{Channel}";

    /// <summary>Reads "platform:channel" as <see cref="ToString"/> writes it (a channel may contain ':').</summary>
    public static ChatTarget Parse(string text)
    {
        var parts = text.Split(':', 2);
        return new ChatTarget(parts[0], parts.Length > 1 ? parts[1] : "");
    }
}
