using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Reads one lesson file (upstream or bundled, any language): front matter, title, summary, key points, resources.
/// Warnings go to the callback with the file line they concern; nothing here throws on odd input.
/// </summary>
internal static partial class LessonParser
{
    public static ParsedLesson Parse(string normalizedText, Action<int, string> warn)
    {
        if (string.IsNullOrWhiteSpace(normalizedText))
        {
            return new ParsedLesson { IsEmpty = true };
        }

        var frontMatter = FrontMatterParser.Parse(normalizedText, warn);
        var (document, lineZero, inlines) = LessonMarkdown.Parse(normalizedText, frontMatter);
        var sections = LessonSections.Of(document, inlines);

        var (title, titleLine) = FindTitle(frontMatter, sections);
        var resources = ResourceExtractor.Extract(document, sections, (line, message) => warn(line + lineZero, message));
        var summary = SummaryFinder.Find(sections);
        var standIn = summary.Length == 0 ? SummaryFinder.StandIn(sections) : null;
        return new ParsedLesson
        {
            Title = title,
            TitleLine = titleLine,
            Summary = standIn ?? summary,
            SummaryIsStandIn = standIn is not null,
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
                    var line = heading.Block.Line + lineZero - (heading.Block.IsSetext ? 1 : 0);
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

    private static ImmutableArray<string> FindKeyPoints(LessonSections sections)
    {
        var section = sections.All.FirstOrDefault(candidate => candidate.Heading is { } heading && HeadingVocabulary.IsKeyPoints(heading));
        if (section is null)
        {
            return [];
        }

        return [.. section.FullyParsedBlocks.OfType<ListBlock>()
            .SelectMany(list => list.OfType<ListItemBlock>())
            .Select(item => string.Join(' ', item.OfType<ParagraphBlock>().Select(InlineText.Of)))
            .Where(point => point.Length > 0)];
    }

    [GeneratedRegex(@"(?:^|/)day\d{1,3}\.md(?:#.*)?$", RegexOptions.IgnoreCase)]
    internal static partial Regex DayFileLink();
}
