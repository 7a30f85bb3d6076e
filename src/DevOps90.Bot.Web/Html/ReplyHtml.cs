using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Web.Html;

/// <summary>
/// A bot reply (a lesson from <c>/today</c>) as HTML, as each chat adapter renders it its own way: title, paragraphs,
/// fields, link lists and footer. Buttons are left out: they run chat commands.
/// </summary>
internal static class ReplyHtml
{
    /// <param name="memberName">How a member mention reads (the dashboard: their name); null leaves mentions out.</param>
    public static void Write(HtmlWriter html, Reply reply, string headingTag, Func<string, string>? memberName = null)
    {
        if (reply.Title is { } title)
        {
            html.Element(headingTag, title);
        }

        foreach (var paragraph in reply.Paragraphs)
        {
            Paragraph(html, paragraph, memberName);
        }

        if (!reply.Fields.IsEmpty)
        {
            html.Open("dl", ("class", "fields"));
            foreach (var field in reply.Fields)
            {
                html.Element("dt", field.Name).Open("dd");
                Paragraph(html, field.Value, memberName);
                html.Close("dd");
            }

            html.Close("dl");
        }

        foreach (var list in reply.LinkLists)
        {
            html.Element("p", list.Heading, ("class", "links-heading")).Open("ul", ("class", "links"));
            foreach (var link in list.Links)
            {
                html.Open("li");
                Link(html, link.Title, link.Url);
                html.Close("li");
            }

            html.Close("ul");
        }

        if (reply.Footer is { } footer)
        {
            html.Element("p", footer, ("class", "footnote"));
        }
    }

    private static void Paragraph(HtmlWriter html, ReplyParagraph paragraph, Func<string, string>? memberName)
    {
        if (paragraph.IsList)
        {
            html.Open("ul");
            foreach (var line in paragraph.Lines)
            {
                html.Open("li");
                Line(html, line, memberName);
                html.Close("li");
            }

            html.Close("ul");
            return;
        }

        html.Open("p");
        for (var index = 0; index < paragraph.Lines.Length; index++)
        {
            if (index > 0)
            {
                html.Raw("<br>");
            }

            Line(html, paragraph.Lines[index], memberName);
        }

        html.Close("p");
    }

    private static void Line(HtmlWriter html, ReplyLine line, Func<string, string>? memberName)
    {
        foreach (var span in line.Spans)
        {
            switch (span.Kind)
            {
                case SpanKind.Bold:
                    html.Element("strong", span.Text);
                    break;
                case SpanKind.Code:
                    html.Element("code", span.Text);
                    break;
                case SpanKind.Link:
                    Link(html, span.Text, span.Target ?? "");
                    break;
                case SpanKind.Member:
                    // A platform's id: on the public page never shown (no reply used there carries one).
                    html.Text(memberName?.Invoke(span.Target ?? span.Text) ?? "");
                    break;
                default:
                    html.Text(span.Text);
                    break;
            }
        }
    }

    /// <summary>Only http(s) addresses become links; anything else (javascript:, data:) stays text.</summary>
    public static void Link(HtmlWriter html, string text, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
        {
            html.Element("a", text, ("href", address.AbsoluteUri), ("rel", "noopener noreferrer"));
        }
        else
        {
            html.Text(text);
        }
    }
}
