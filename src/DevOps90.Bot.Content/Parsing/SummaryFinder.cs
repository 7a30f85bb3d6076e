using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Chooses a lesson's summary: the section the author called a summary, else the first paragraph of real prose about
/// the subject (not the speaker, not the video, not a "coming from Day 1" opener, not a row of links).
/// </summary>
internal static partial class SummaryFinder
{
    public static string Find(LessonSections sections)
    {
        var explicitSummary = sections.All.FirstOrDefault(section => section.Heading is { } heading && HeadingVocabulary.IsSummary(heading));
        if (explicitSummary is not null)
        {
            var text = string.Join(' ', explicitSummary.Blocks.OfType<ParagraphBlock>().Select(InlineText.Of).Where(prose => prose.Length > 0));
            if (text.Length > 0)
            {
                return SummaryText.Cut(text, SummaryText.ExplicitLimit);
            }
        }

        foreach (var section in sections.All)
        {
            if (section.IsResources || section.IsAside || section.Heading is { } heading && HeadingVocabulary.IsKeyPoints(heading))
            {
                continue;
            }

            for (var i = 0; i < section.Count; i++)
            {
                if (section[i] is ParagraphBlock paragraph && Candidate(paragraph, section, i + 1) is { } text)
                {
                    return SummaryText.Cut(text, SummaryText.ExtractedLimit);
                }
            }
        }

        return "";
    }

    /// <summary>
    /// What stands in for the summary of a lesson with no prose about its subject (a talk on video, the speaker's
    /// biography, links under headings): the outline of its sections, else its video's title; null when neither.
    /// </summary>
    public static string? StandIn(LessonSections sections) => Outline(sections) ?? VideoTitle(sections);

    /// <summary>
    /// What the lesson covers: the headings of its own sections, in order. The title, the asides and the resources,
    /// summary and key points headings say nothing of the subject and are left out.
    /// </summary>
    private static string? Outline(LessonSections sections)
    {
        var topics = sections.All
            .Where(section => section.Heading is not null)
            .Skip(1)
            .Where(section => !section.IsAside && !section.IsResources)
            .Select(section => section.Heading!)
            .Where(heading => heading.Level > 1 && heading.Text.Length > 0
                && !HeadingVocabulary.IsSummary(heading) && !HeadingVocabulary.IsKeyPoints(heading))
            .Select(heading => heading.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // One heading is not an outline: a lone "Introduction" tells a member nothing.
        return topics.Count >= 2 ? SummaryText.Cut(string.Join(" · ", topics), SummaryText.ExtractedLimit) : null;
    }

    /// <summary>The title of the lesson's own video, which is what a lesson that is only a talk is about.</summary>
    private static string? VideoTitle(LessonSections sections) =>
        LessonVideo.Find(sections) is ({ } link, _) ? TitleCleaner.Clean(InlineText.Of(link)) : null;

    /// <param name="nextIndex">Where the block after the paragraph is in its section (maybe past the end).</param>
    private static string? Candidate(ParagraphBlock paragraph, LessonSection section, int nextIndex)
    {
        if (InlineText.IsOnlyLinks(paragraph.Inline))
        {
            return null;
        }

        // "Hopefully you are coming here from Day 1" openers always link back to the previous day's file.
        if (InlineText.FirstLink(paragraph.Inline, link => link.Url is { } url && LessonParser.DayFileLink().IsMatch(url)) is not null)
        {
            return null;
        }

        var text = InlineText.Of(paragraph);
        if ((text.EndsWith(':') || text.EndsWith('：')) && nextIndex < section.Count && section[nextIndex] is ListBlock list)
        {
            text = WithListPoints(text, section.FullyParsed(list));
        }

        return ReadingLength(text) >= 40 ? text : null;
    }

    /// <summary>
    /// "Here's a summary of the key points:" says nothing by itself; the points that follow are the summary. A generic
    /// announcing sentence is dropped, one that says something ("A pipeline has three stages:") is kept.
    /// </summary>
    private static string WithListPoints(string lead, ListBlock list)
    {
        var lastSentence = LastSentence().Match(lead);
        if (lastSentence.Success && Announcement().IsMatch(lastSentence.Value))
        {
            lead = lead[..lastSentence.Index].TrimEnd();
        }

        var points = list.OfType<ListItemBlock>()
            .Select(item => item.OfType<ParagraphBlock>().FirstOrDefault() is { } first ? InlineText.Of(first) : "")
            .Where(point => point.Length > 0)
            .Select(point => point[^1] is '.' or '!' or '?' or '。' ? point : point.TrimEnd(',', ';', ':') + ".");
        return string.Join(' ', points.Prepend(lead).Where(part => part.Length > 0));
    }

    /// <summary>Characters, with each CJK ideograph or kana counted as three: they carry about a word each.</summary>
    private static int ReadingLength(string text)
    {
        var length = 0;
        foreach (var character in text)
        {
            length += character is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' ? 3 : 1;
        }

        return length;
    }

    [GeneratedRegex(@"(?:^|(?<=[.!?。]\s))[^.!?。]*[:：]$")]
    private static partial Regex LastSentence();

    private const string AnnouncingWords = @"\b(?:summary|summarize|key points|main points|highlights"
        + @"|here(?:'s|’s| is| are)|as follows|the following)\b|voici|resumen|resumo|요약|まとめ|要点|总结|總結";

    [GeneratedRegex(AnnouncingWords, RegexOptions.IgnoreCase)]
    private static partial Regex Announcement();
}
