using System.Text;
using DevOps90.Bot.Core;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>Plain text of Markdig inlines as a reader sees it: no markup, no inline HTML, white space collapsed.</summary>
internal static class InlineText
{
    // One builder per thread, reused: every heading, summary candidate and link title passes through here.
    [ThreadStatic]
    private static StringBuilder? _reusable;

    public static string Of(ContainerInline? inlines)
    {
        if (inlines is null)
        {
            return "";
        }

        var builder = _reusable ?? new StringBuilder(256);
        _reusable = null;
        var text = new CollapsingText(builder);
        Append(ref text, inlines);
        var result = builder.ToString();
        if (builder.Capacity <= 16 * 1024)
        {
            _reusable = builder.Clear();
        }

        return result;
    }

    public static string Of(LeafBlock block) => Of(block.Inline);

    /// <summary>
    /// The first link that satisfies the condition, in the order of Markdig's <c>Descendants&lt;LinkInline&gt;()</c>
    /// (a link before what it holds, then its next sibling), without the iterator and stack that walk allocates.
    /// </summary>
    public static LinkInline? FirstLink(ContainerInline? container, Func<LinkInline, bool> condition)
    {
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LinkInline link && condition(link))
            {
                return link;
            }

            if (child is ContainerInline nested && FirstLink(nested, condition) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>True when the inlines hold nothing but links, images and white space (a badge row, a link list).</summary>
    public static bool IsOnlyLinks(ContainerInline? inlines)
    {
        if (inlines is null)
        {
            return true;
        }

        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LinkInline:
                case LineBreakInline:
                case HtmlInline:
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static void Append(ref CollapsingText text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(" ");
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LinkInline { IsImage: true } image:
                    // An image's alt text is not prose; it only names a link made of an image.
                    if (image.Parent is LinkInline)
                    {
                        Append(ref text, image);
                    }

                    break;
                case ContainerInline nested:
                    Append(ref text, nested);
                    break;
            }
        }
    }

    /// <summary>
    /// Appends pieces with runs of white space as one space and none at either end, as
    /// <see cref="TextFolding.CollapseWhitespace"/> does over the whole text, without building the text twice.
    /// </summary>
    private struct CollapsingText(StringBuilder builder)
    {
        private bool _pendingSpace;

        public void Append(ReadOnlySpan<char> piece)
        {
            while (!piece.IsEmpty)
            {
                var word = 0;
                while (word < piece.Length && !char.IsWhiteSpace(piece[word]))
                {
                    word++;
                }

                if (word > 0)
                {
                    if (_pendingSpace)
                    {
                        builder.Append(' ');
                        _pendingSpace = false;
                    }

                    builder.Append(piece[..word]);
                }

                var space = word;
                while (space < piece.Length && char.IsWhiteSpace(piece[space]))
                {
                    space++;
                }

                if (space > word)
                {
                    _pendingSpace = builder.Length > 0;
                }

                piece = piece[space..];
            }
        }
    }
}
