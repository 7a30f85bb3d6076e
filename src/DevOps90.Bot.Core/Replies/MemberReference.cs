namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// A member named inside reply text, written neutrally so each platform shows it its own way (a Discord mention that
/// notifies nobody, a plain id on the console).
/// </summary>
public static class MemberReference
{
    public const string Prefix = "<@member:";

    public static string Format(string memberId) => $"{Prefix}{memberId}>";

    /// <summary>Replaces every reference with what <paramref name="render"/> makes of its id.</summary>
    public static string Replace(string text, Func<string, string> render)
    {
        var start = text.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        while (start >= 0)
        {
            var end = text.IndexOf('>', start);
            if (end < 0)
            {
                break;
            }

            builder.Append(text, position, start - position).Append(render(text[(start + Prefix.Length)..end]));
            position = end + 1;
            start = text.IndexOf(Prefix, position, StringComparison.Ordinal);
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
