namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// Shortens or splits mrkdwn to a length without breaking its markup: never inside a &lt;…&gt; sequence (a link, a
/// mention, a date), an entity (&amp;amp;) or a surrogate pair. A cut ends at a sentence, else a word, marked "…".
/// </summary>
internal static class SlackCutter
{
    public static string Cut(string mrkdwn, int limit)
    {
        if (mrkdwn.Length <= limit)
        {
            return mrkdwn;
        }

        if (limit <= 1)
        {
            return limit == 1 ? "…" : "";
        }

        // Room for "…" after a word, " …" after a sentence (whose end is found two characters earlier).
        var end = SafeEnd(mrkdwn, limit - 1);
        var window = mrkdwn[..end];
        var sentence = LastSentenceEnd(mrkdwn, end);
        if (sentence >= limit / 2)
        {
            return window[..(sentence + 1)] + " …";
        }

        var space = LastBreak(mrkdwn, end + 1, [' ', '\n']);
        var kept = space >= limit / 2 ? window[..space] : window;
        return kept.TrimEnd(',', ';', ':', ' ', '\n') + "…";
    }

    /// <summary>
    /// Pieces of at most <paramref name="max"/> characters that together hold all of <paramref name="mrkdwn"/>: split
    /// between paragraphs where possible, else between lines, else between words; a piece that cannot be split is cut.
    /// </summary>
    public static List<string> Split(string mrkdwn, int max)
    {
        var pieces = new List<string>();
        var rest = mrkdwn.Trim('\n');
        while (rest.Length > max)
        {
            var end = LastBreak(rest, max + 1, ["\n\n"]);
            if (end <= 0)
            {
                end = LastBreak(rest, max + 1, ['\n']);
            }

            if (end <= 0)
            {
                end = LastBreak(rest, max + 1, [' ']);
            }

            if (end <= 0)
            {
                pieces.Add(Cut(rest, max));
                return pieces;
            }

            pieces.Add(rest[..end].TrimEnd());
            rest = rest[end..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    /// <summary>The largest end ≤ <paramref name="end"/> that does not fall inside markup or a surrogate pair.</summary>
    private static int SafeEnd(string text, int end)
    {
        end = Math.Min(end, text.Length);
        if (end <= 0)
        {
            return 0;
        }

        var open = text.LastIndexOf('<', end - 1);
        if (open >= 0 && text.LastIndexOf('>', end - 1) < open)
        {
            end = open;
        }

        var amp = end > 0 ? text.LastIndexOf('&', end - 1) : -1;
        if (amp >= 0 && amp >= end - 5 && text.IndexOf(';', amp) is var semicolon && semicolon >= end)
        {
            end = amp;
        }

        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsSafe(string text, int end) => SafeEnd(text, end) == end;

    // The index of the last '.', '!', '?' before end that is followed by a space or line break outside markup.
    private static int LastSentenceEnd(string text, int end)
    {
        for (var i = end - 2; i >= 0; i--)
        {
            if (text[i] is '.' or '!' or '?' or '。' && text[i + 1] is ' ' or '\n' && IsSafe(text, i + 1))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastBreak(string text, int end, char[] separators)
    {
        for (var i = Math.Min(end, text.Length) - 1; i > 0; i--)
        {
            if (separators.Contains(text[i]) && IsSafe(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastBreak(string text, int end, string[] separators)
    {
        foreach (var separator in separators)
        {
            for (var i = text.LastIndexOf(separator, Math.Min(end, text.Length) - 1, StringComparison.Ordinal); i > 0;
                i = text.LastIndexOf(separator, i - 1, StringComparison.Ordinal))
            {
                if (i + separator.Length <= end && IsSafe(text, i))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
