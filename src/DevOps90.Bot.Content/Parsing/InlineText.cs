using System.Text;
using DevOps90.Bot.Core;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>Plain text of Markdig inlines as a reader sees it: no markup, no inline HTML, white space collapsed.</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? inlines)
    {
        if (inlines is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        Append(builder, inlines);
        return TextFolding.CollapseWhitespace(builder.ToString());
    }

    public static string Of(LeafBlock block) => Of(block.Inline);

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

    private static void Append(StringBuilder builder, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case LinkInline { IsImage: true } image:
                    // An image's alt text is not prose; it only names a link made of an image.
                    if (image.Parent is LinkInline)
                    {
                        Append(builder, image);
                    }

                    break;
                case ContainerInline nested:
                    Append(builder, nested);
                    break;
            }
        }
    }
}
