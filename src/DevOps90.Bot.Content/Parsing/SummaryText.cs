namespace DevOps90.Bot.Content.Parsing;

/// <summary>Cuts prose to a length a chat message can carry, at a sentence end where one is near.</summary>
internal static class SummaryText
{
    public const int ExtractedLimit = 300;

    /// <summary>A summary the author wrote as one is kept whole unless it is far longer than a summary should be.</summary>
    public const int ExplicitLimit = 700;

    public static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var lastEndWithinLimit = -1;
        var firstEnd = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSentenceEnd(text, i))
            {
                continue;
            }

            if (firstEnd < 0)
            {
                firstEnd = i;
            }

            if (i < limit)
            {
                lastEndWithinLimit = i;
            }
            else
            {
                break;
            }
        }

        if (lastEndWithinLimit >= 0)
        {
            return text[..(lastEndWithinLimit + 1)];
        }

        // One long first sentence: keep it when it is only a little over, else cut at a word.
        if (firstEnd >= 0 && firstEnd < limit * 3 / 2)
        {
            return text[..(firstEnd + 1)];
        }

        var space = text.LastIndexOf(' ', limit - 1);
        return (space > limit / 2 ? text[..space] : text[..(limit - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var character = text[i];
        if (character is '。' or '！' or '？')
        {
            return true;
        }

        if (character is not ('.' or '!' or '?'))
        {
            return false;
        }

        var atEnd = i + 1 == text.Length || text[i + 1] == ' ';
        // "e.g." and "i.e." are not sentence ends; neither is a lone initial.
        var abbreviation = character == '.' && i >= 2 && text[i - 2] is '.' or ' ' && char.IsLetter(text[i - 1]);
        return atEnd && !abbreviation;
    }
}
