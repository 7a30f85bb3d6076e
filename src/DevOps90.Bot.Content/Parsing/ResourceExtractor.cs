using System.Collections.Immutable;
using DevOps90.Bot.Core.Curricula;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Finds the links a lesson recommends: the lesson's video first, then its resources sections (several are merged),
/// else the links after a bold pseudo-heading such as <c>**FURTHER READING**</c>, else every external link in the
/// lesson but those about the speaker (a profile, an employer). A link cut short in the source is reported through
/// <c>warn</c> (with its line in the markdown body) and left out.
/// </summary>
internal static class ResourceExtractor
{
    public static ImmutableArray<Resource> Extract(
        MarkdownDocument document, LessonSections sections, Action<int, string> warn)
    {
        var collector = new ResourceCollector(warn);
        if (LessonVideo.Find(sections) is ({ } videoLink, { } video))
        {
            collector.Add(videoLink, video);
        }

        if (sections.HasResourcesHeading)
        {
            var resourceBlocks = sections.All.Where(section => section.IsResources).SelectMany(section => section.FullyParsedBlocks);
            return collector.Collect(resourceBlocks);
        }

        var underBoldHeading = BlocksUnderBoldResourcesHeading(sections).ToList();
        if (underBoldHeading.Count > 0)
        {
            return collector.Collect(underBoldHeading);
        }

        sections.ParseLinks();
        return collector.Collect(sections.OutsideAboutThePerson(document));
    }

    private static IEnumerable<Block> BlocksUnderBoldResourcesHeading(LessonSections sections)
    {
        foreach (var section in sections.All)
        {
            var collecting = false;
            for (var i = 0; i < section.Count; i++)
            {
                // A paragraph that cannot be bold is no heading: its inlines are needed only when it is collected.
                if (!collecting && section.Unparsed(i) is { } unparsed && !DeferredInlines.MayHoldBold(unparsed))
                {
                    continue;
                }

                var block = section[i];
                if (block is ParagraphBlock paragraph && BoldOnlyText(paragraph) is { } boldText)
                {
                    collecting = HeadingVocabulary.IsResources(boldText);
                    continue;
                }

                if (collecting)
                {
                    yield return section.FullyParsed(block);
                }
            }
        }
    }

    /// <summary>The text of a paragraph that is nothing but one bold run (and maybe a colon), else null.</summary>
    private static string? BoldOnlyText(ParagraphBlock paragraph)
    {
        var inlines = paragraph.Inline?.Where(inline => inline is not LiteralInline literal || !IsBlankOrColon(literal)).ToList();
        return inlines is [EmphasisInline { DelimiterCount: 2 } bold] ? InlineText.Of(bold) : null;

        static bool IsBlankOrColon(LiteralInline literal) => literal.Content.ToString().Trim() is "" or ":";
    }

    internal static bool IsExternal(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && url.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase);
}
