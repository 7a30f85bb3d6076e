using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Tests.Parsing;

/// <summary>A Markdig syntax tree as text, for comparing two parsers' trees node for node.</summary>
internal static class SyntaxTreeDump
{
    /// <summary>Every block and inline in reading order, with what Markdig records about it.</summary>
    public static string Of(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        foreach (var node in document.Descendants())
        {
            builder.Append(node.GetType().Name).Append(' ').Append(node.Line).Append(':').Append(node.Column)
                .Append(' ').Append(node.Span.Start).Append('-').Append(node.Span.End);
            switch (node)
            {
                case LiteralInline literal:
                    builder.Append(" [").Append(literal.Content.ToString()).Append(']');
                    break;
                case LinkInline link:
                    builder.Append(" url=").Append(link.Url).Append(" auto=").Append(link.IsAutoLink).Append(" image=").Append(link.IsImage);
                    break;
                case AutolinkInline autolink:
                    builder.Append(" url=").Append(autolink.Url);
                    break;
                case CodeInline code:
                    builder.Append(" [").Append(code.Content).Append(']');
                    break;
                case EmphasisInline emphasis:
                    builder.Append(' ').Append(emphasis.DelimiterChar).Append(emphasis.DelimiterCount);
                    break;
                case HtmlInline html:
                    builder.Append(' ').Append(html.Tag);
                    break;
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
