namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// What a member typed, as a reply quotes it back ("“xyz” is not a day number"): at most <see cref="MaxLength"/>
/// characters, the rest cut with "…", so a megabyte pasted into an option is never echoed back whole.
/// </summary>
public static class Quoted
{
    public const int MaxLength = 100;

    public static string Cap(string? typed)
    {
        if (typed is null || typed.Length <= MaxLength)
        {
            return typed ?? "";
        }

        var keep = MaxLength - 1;
        // Never cut between the two halves of a surrogate pair (an emoji).
        if (char.IsHighSurrogate(typed[keep - 1]))
        {
            keep--;
        }

        return string.Concat(typed.AsSpan(0, keep), "…");
    }
}
