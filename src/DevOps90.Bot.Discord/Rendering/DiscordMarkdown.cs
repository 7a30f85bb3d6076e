using System.Text;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Discord.Rendering;

/// <summary>
/// Reply text as Discord markdown: bold as **…**, links as [text](url), members as &lt;@id&gt; (allowed_mentions keeps
/// them silent), commands as `code`. Characters of plain text that markdown would read as formatting are escaped, so
/// a lesson about "snake_case" or "*.yaml" shows as written; URLs are left whole, since an escaped URL stops being one
/// (https://support.discord.com/hc/en-us/articles/210298617).
/// </summary>
internal static class DiscordMarkdown
{
    public static string Paragraph(ReplyParagraph paragraph) =>
        string.Join('\n', paragraph.Lines.Select(line => (paragraph.IsList ? "• " : "") + Line(line)));

    public static string Line(ReplyLine line)
    {
        var builder = new StringBuilder();
        foreach (var span in line.Spans)
        {
            switch (span.Kind)
            {
                case SpanKind.Bold:
                    builder.Append("**").Append(Escape(span.Text)).Append("**");
                    break;
                case SpanKind.Code:
                    // A backtick would end the code span; none of our commands has one.
                    builder.Append('`').Append(span.Text.Replace('`', '\'')).Append('`');
                    break;
                case SpanKind.Link:
                    builder.Append('[').Append(Escape(span.Text).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal))
                        .Append("](").Append(span.Target).Append(')');
                    break;
                case SpanKind.Member:
                    builder.Append("<@").Append(DiscordMembers.UserId(span.Target ?? span.Text)).Append('>');
                    break;
                default:
                    builder.Append(Escape(span.Text, atLineStart: builder.Length == 0 || builder[^1] == '\n'));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain text with Discord's inline markers escaped, URLs left as they are.</summary>
    public static string Escape(string text, bool atLineStart = false)
    {
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = atLineStart;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUrlAt(text, i))
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                builder.Append(text, i, end - i);
                i = end - 1;
                lineStart = false;
                continue;
            }

            var c = text[i];
            // Headings, quotes and list markers only count at the start of a line.
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' || (lineStart && c is '#' or '>' or '-'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return builder.ToString();
    }

    private static bool IsUrlAt(string text, int index) =>
        text.AsSpan(index).StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.AsSpan(index).StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
