using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Reads one lesson file (upstream or bundled, any language): front matter, title, summary, key points, resources.
/// Warnings go to the callback with the file line they concern; nothing here throws on odd input.
/// </summary>
internal static partial class LessonParser
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    public static ParsedLesson Parse(string normalizedText, Action<int, string> warn)
    {
        if (string.IsNullOrWhiteSpace(normalizedText))
        {
            return new ParsedLesson { IsEmpty = true };
        }

        var frontMatter = FrontMatterParser.Parse(normalizedText, warn);
        var document = Markdown.Parse(frontMatter.Body, _pipeline);
        var sections = LessonSections.Of(document);

        var (title, titleLine) = FindTitle(frontMatter, sections);
        var resources = ResourceExtractor.Extract(document, sections);
        return new ParsedLesson
        {
            Title = title,
            TitleLine = titleLine,
            Summary = FindSummary(sections),
            KeyPoints = FindKeyPoints(sections),
            Resources = resources,
            FrontMatter = frontMatter,
        };

        (string? Title, int Line) FindTitle(FrontMatter matter, LessonSections lessonSections)
        {
            if (TitleCleaner.Clean(matter["title"]) is { } fromFrontMatter)
            {
                return (fromFrontMatter, LineOfKey(normalizedText, "title", matter.BodyFirstLine));
            }

            foreach (var heading in lessonSections.Headings)
            {
                if (TitleCleaner.Clean(heading.Text) is { } fromHeading)
                {
                    // Markdig places a setext heading on its underline; the title is on the line above.
                    var line = heading.Block.Line + matter.BodyFirstLine - (heading.Block.IsSetext ? 1 : 0);
                    return (fromHeading, line);
                }
            }

            return (null, 1);
        }
    }

    private static int LineOfKey(string text, string key, int bodyFirstLine)
    {
        var line = 1;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            if (line >= bodyFirstLine)
            {
                break;
            }

            var content = text.AsSpan()[range];
            if (content.StartsWith(key, StringComparison.OrdinalIgnoreCase) && content[key.Length..].TrimStart().StartsWith(":"))
            {
                return line;
            }

            line++;
        }

        return 1;
    }

    private static string FindSummary(LessonSections sections)
    {
        var explicitSummary = sections.All.FirstOrDefault(section => section.Heading is { } heading && HeadingVocabulary.IsSummary(heading.Text));
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
            if (section.IsResources || section.Heading is { } heading
                && (HeadingVocabulary.IsSkippedForSummary(heading.Text) || HeadingVocabulary.IsKeyPoints(heading.Text)))
            {
                continue;
            }

            foreach (var paragraph in section.Blocks.OfType<ParagraphBlock>())
            {
                if (IsSummaryCandidate(paragraph, out var text))
                {
                    return SummaryText.Cut(text, SummaryText.ExtractedLimit);
                }
            }
        }

        return "";
    }

    private static bool IsSummaryCandidate(ParagraphBlock paragraph, out string text)
    {
        text = "";
        if (InlineText.IsOnlyLinks(paragraph.Inline))
        {
            return false;
        }

        // "Hopefully you are coming here from Day 1" openers always link back to the previous day's file.
        if (paragraph.Inline!.Descendants<LinkInline>().Any(link => link.Url is { } url && DayFileLink().IsMatch(url)))
        {
            return false;
        }

        text = InlineText.Of(paragraph);
        return ReadingLength(text) >= 40;
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

    private static ImmutableArray<string> FindKeyPoints(LessonSections sections)
    {
        var section = sections.All.FirstOrDefault(candidate => candidate.Heading is { } heading && HeadingVocabulary.IsKeyPoints(heading.Text));
        if (section is null)
        {
            return [];
        }

        return [.. section.Blocks.OfType<ListBlock>()
            .SelectMany(list => list.OfType<ListItemBlock>())
            .Select(item => string.Join(' ', item.OfType<ParagraphBlock>().Select(InlineText.Of)))
            .Where(point => point.Length > 0)];
    }

    [GeneratedRegex(@"(?:^|/)day\d{1,3}\.md(?:#.*)?$", RegexOptions.IgnoreCase)]
    internal static partial Regex DayFileLink();
}
