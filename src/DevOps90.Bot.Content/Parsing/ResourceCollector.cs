using System.Collections.Immutable;
using DevOps90.Bot.Core.Curricula;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Gathers external links in reading order, each resource once (<see cref="ResourceIdentity"/>). A link without text of its own (an autolink, a bare
/// address) takes its title from the words around it in the same line ("Collector reference: &lt;https://…&gt;").
/// </summary>
internal sealed class ResourceCollector(Action<int, string> warn)
{
    private const int MaxTitleFromContext = 120;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<MarkdownObject> _reported = new(ReferenceEqualityComparer.Instance);
    private readonly ImmutableArray<Resource>.Builder _resources = ImmutableArray.CreateBuilder<Resource>();

    public void Add(MarkdownObject node, Resource resource)
    {
        if (CutShortLink.Is(node, resource.Url, out var written))
        {
            if (_reported.Add(node))
            {
                warn(node.Line, $"link cut short in the source, left out of the resources: {written}");
            }

            return;
        }

        if (_seen.Add(ResourceIdentity.Of(resource.Url)))
        {
            _resources.Add(resource);
        }
    }

    public ImmutableArray<Resource> Collect(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var node in NodesOf(block))
            {
                if (ToResource(node) is { } resource)
                {
                    Add(node, resource);
                }
            }
        }

        return _resources.ToImmutable();
    }

    // Markdig's Descendants() walks a container's blocks and their inlines, but not the inlines of a leaf it starts on.
    private static IEnumerable<MarkdownObject> NodesOf(Block block) =>
        block is LeafBlock { Inline: { } inlines } ? inlines.Descendants() : block.Descendants();

    private static Resource? ToResource(MarkdownObject node)
    {
        switch (node)
        {
            case LinkInline { IsImage: false, Url: { } url } link when ResourceExtractor.IsExternal(url):
                var title = link.IsAutoLink ? "" : InlineText.Of(link);
                return new Resource(title.Length == 0 ? TitleFromContext(link, url.Trim()) : title, url.Trim());
            case AutolinkInline { IsEmail: false, Url: { } autoUrl } autolink when ResourceExtractor.IsExternal(autoUrl):
                return new Resource(TitleFromContext(autolink, autoUrl.Trim()), autoUrl.Trim());
            default:
                return null;
        }
    }

    /// <summary>The line's other words when the link is alone in it, else the address itself.</summary>
    private static string TitleFromContext(Inline link, string url)
    {
        var root = link.Parent;
        while (root?.Parent is { } parent)
        {
            root = parent;
        }

        var links = root is null ? 0 : root.Descendants<LinkInline>().Count(other => !other.IsImage) + root.Descendants<AutolinkInline>().Count();
        if (root is null || links != 1)
        {
            return url;
        }

        var words = InlineText.Of(root).Replace(url, "", StringComparison.Ordinal);
        if (link is LinkInline { IsAutoLink: true } bare && InlineText.Of(bare) is { Length: > 0 } shown)
        {
            // "www.example.org" is shown as written but its address gains "http://".
            words = words.Replace(shown, "", StringComparison.Ordinal);
        }

        words = words.Trim(' ', ':', '-', '–', '—', '|', '.', ',', '(', ')');
        return words.Length is > 0 and <= MaxTitleFromContext ? words : url;
    }
}
