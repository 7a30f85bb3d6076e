using System.Text;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// Reply text as Slack mrkdwn (https://api.slack.com/reference/surfaces/formatting): bold as *…*, code as `…`, links
/// as &lt;url|text&gt;, Slack members as &lt;@U…&gt;, list items as "• ". In all text '&amp;', '&lt;' and '&gt;'
/// become entities, Slack's only escapes (https://api.slack.com/reference/surfaces/formatting#escaping), so no text
/// can form a control sequence such as &lt;!channel&gt;. Bare web addresses in text become explicit links, since
/// the renderer sends mrkdwn as verbatim (no automatic parsing of names or addresses).
/// </summary>
/// <remarks>
/// Slack has no escape for '*', '_', '~' and '`'. Plain text keeps them as typed: Slack formats only a pair that
/// encloses words from outside (" _like this_ "), so the usual cases — snake_case, *.yaml, ~/bin, a lone '*' — show as
/// written, and the alternatives would change what members read or copy (look-alike characters) or break a pasted
/// command (invisible separators). Inside our own markup they cannot be left: a '*' in bold text or a '`' in code
/// would end it early, so such bold text is written plain and a backtick in code becomes an apostrophe.
/// </remarks>
public static class SlackMrkdwn
{
    public const string Bullet = "• ";

    public static string Paragraph(ReplyParagraph paragraph) =>
        string.Join('\n', paragraph.Lines.Select(line => (paragraph.IsList ? Bullet : "") + Line(line)));

    public static string Line(ReplyLine line)
    {
        var builder = new StringBuilder();
        foreach (var span in line.Spans)
        {
            builder.Append(span.Kind switch
            {
                SpanKind.Bold => Bold(span.Text),
                SpanKind.Code => Code(span.Text),
                SpanKind.Link => Link(span.Target ?? "", span.Text),
                SpanKind.Member => Member(span.Target ?? span.Text),
                _ => Text(span.Text),
            });
        }

        return builder.ToString();
    }

    /// <summary>'&amp;', '&lt;' and '&gt;' as entities; nothing else changes.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Plain text, escaped, with its http(s) addresses as links.</summary>
    public static string Text(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsUrlAt(text, i) || (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not '(' and not '"' and not '\''))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            // "see https://example.org." — the sentence's full stop is not part of the address.
            while (end > i && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '"' or '\'')
            {
                end--;
            }

            builder.Append(Escape(text[start..i])).Append('<').Append(EscapeUrl(text[i..end])).Append('>');
            start = end;
            i = end - 1;
        }

        return builder.Append(Escape(text[start..])).ToString();
    }

    public static string Bold(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Contains('*', StringComparison.Ordinal) || trimmed.Contains('\n', StringComparison.Ordinal))
        {
            return Text(text);
        }

        // Slack formats "*x*" only when the asterisks touch the words, so the span's outer spaces go outside them.
        var leading = text[..text.IndexOf(trimmed, StringComparison.Ordinal)];
        var trailing = text[(leading.Length + trimmed.Length)..];
        return $"{leading}*{Escape(trimmed)}*{trailing}";
    }

    public static string Code(string text) =>
        text.Length == 0 ? "" : $"`{Escape(text.Replace('`', '\'').Replace('\n', ' '))}`";

    /// <summary>
    /// &lt;url|text&gt;. The text ends at the first '|' Slack sees and the link at the first '&gt;', so a '|' in the
    /// text becomes '∣' (U+2223, which looks the same) and the address has '|', '&lt;', '&gt;' and spaces
    /// percent-encoded. An address that is not absolute http(s) or mailto leaves the text unlinked.
    /// </summary>
    public static string Link(string url, string text)
    {
        var label = Escape(text.Replace('|', '∣').ReplaceLineEndings(" ")).Trim();
        if (!IsLinkable(url))
        {
            return label;
        }

        return label.Length == 0 ? $"<{EscapeUrl(url)}>" : $"<{EscapeUrl(url)}|{label}>";
    }

    /// <summary>A Slack member as &lt;@U…&gt;; a member of another platform (or workspace form) as its plain id.</summary>
    public static string Member(string memberId) =>
        SlackMembers.TryParse(memberId, out _, out var user) ? $"<@{user}>" : Escape(memberId);

    public static bool IsLinkable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    private static string EscapeUrl(string url) =>
        url.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("|", "%7C", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);

    private static bool IsUrlAt(string text, int index) =>
        text.AsSpan(index).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(index).StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
