namespace DevOps90.Bot.Discord.Rendering;

/// <summary>Shortens text to a limit at a sentence end, else a word boundary, marking the cut with "…".</summary>
public static class TextCutter
{
    public static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        if (limit <= 1)
        {
            return limit == 1 ? "…" : "";
        }

        var window = text[..(limit - 1)];
        var sentence = LastSentenceEnd(window);
        if (sentence >= limit / 2)
        {
            return window[..(sentence + 1)] + " …";
        }

        var space = window.LastIndexOfAny([' ', '\n']);
        return (space >= limit / 2 ? window[..space] : window).TrimEnd(',', ';', ':', ' ', '\n') + "…";
    }

    private static int LastSentenceEnd(string text)
    {
        for (var i = text.Length - 2; i >= 0; i--)
        {
            if (text[i] is '.' or '!' or '?' or '。' && (text[i + 1] == ' ' || text[i + 1] == '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
