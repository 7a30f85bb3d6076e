using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DevOps90.Bot.Web.Html;

/// <summary>
/// Writes HTML in which every piece of text and every attribute value is encoded: a member's name or a lesson title
/// can never become markup. Tag and attribute names come from our own code only (constants), never from data.
/// </summary>
internal sealed class HtmlWriter
{
    // Letters of every script stay as they are (a Japanese page stays readable and small); &lt; &gt; &amp; and quotes
    // are always encoded, as are control characters.
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(16 * 1024);

    /// <summary>Markup written by our code as it is (the doctype, a constant element).</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name).Append("=\"");
            _html.Append(_encoder.Encode(value));
            _html.Append('"');
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public HtmlWriter Text(string text)
    {
        _html.Append(_encoder.Encode(text));
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public override string ToString() => _html.ToString();
}
