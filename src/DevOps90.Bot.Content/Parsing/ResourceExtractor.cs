using System.Collections.Immutable;
using DevOps90.Bot.Core.Curricula;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Finds the links a lesson recommends: its resources sections (several are merged), else the links after a bold
/// pseudo-heading such as <c>**FURTHER READING**</c>, else every external link in the lesson.
/// </summary>
internal static class ResourceExtractor
{
    public static ImmutableArray<Resource> Extract(MarkdownDocument document, LessonSections sections)
    {
        if (sections.HasResourcesHeading)
        {
            return Collect(sections.All.Where(section => section.IsResources).SelectMany(section => section.Blocks));
        }

        var underBoldHeading = BlocksUnderBoldResourcesHeading(sections).ToList();
        if (underBoldHeading.Count > 0)
        {
            return Collect(underBoldHeading);
        }

        return Collect([document]);
    }

    private static IEnumerable<Block> BlocksUnderBoldResourcesHeading(LessonSections sections)
    {
        foreach (var section in sections.All)
        {
            var collecting = false;
            foreach (var block in section.Blocks)
            {
                if (block is ParagraphBlock paragraph && BoldOnlyText(paragraph) is { } boldText)
                {
                    collecting = HeadingVocabulary.IsResources(boldText);
                    continue;
                }

                if (collecting)
                {
                    yield return block;
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

    private static ImmutableArray<Resource> Collect(IEnumerable<Block> blocks)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resources = ImmutableArray.CreateBuilder<Resource>();
        foreach (var block in blocks)
        {
            foreach (var node in NodesOf(block))
            {
                if (ToResource(node) is { } resource && seen.Add(resource.Url))
                {
                    resources.Add(resource);
                }
            }
        }

        return resources.ToImmutable();
    }

    // Markdig's Descendants() walks a container's blocks and their inlines, but not the inlines of a leaf it starts on.
    private static IEnumerable<MarkdownObject> NodesOf(Block block) =>
        block is LeafBlock { Inline: { } inlines } ? inlines.Descendants() : block.Descendants();

    private static Resource? ToResource(MarkdownObject node)
    {
        switch (node)
        {
            case LinkInline { IsImage: false, Url: { } url } link when IsExternal(url):
                var title = InlineText.Of(link);
                return new Resource(title.Length == 0 ? url.Trim() : title, url.Trim());
            case AutolinkInline { IsEmail: false, Url: { } autoUrl } when IsExternal(autoUrl):
                return new Resource(autoUrl.Trim(), autoUrl.Trim());
            default:
                return null;
        }
    }

    private static bool IsExternal(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && url.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase);
}
