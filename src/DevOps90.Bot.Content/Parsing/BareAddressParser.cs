using Markdig.Extensions.AutoLinks;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Markdig's autolink parser (bare <c>https://…</c>, <c>www.…</c>, <c>mailto:</c>, <c>tel:</c>, <c>ftp://</c>), asked
/// at the ':' or '.' that ends a scheme instead of at every h, f, m, t and w of the text: Markdig stops its literal
/// text at each of those letters to ask, which made it the costliest inline parser of a lesson. Here the letters
/// before the ':' or '.' are read as text first; when they are a scheme, Markdig's parser runs from the scheme's first
/// letter exactly as it would have, and on success the letters are taken back out of that text. The tests compare
/// both parsers' syntax trees.
/// </summary>
internal sealed class BareAddressParser : AutoLinkParser
{
    private static readonly string[] _colonSchemes = ["https", "http", "ftp", "mailto", "tel"];

    public BareAddressParser()
        : base(new AutoLinkOptions()) => OpeningCharacters = [':', '.'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var end = slice.Start;
        var schemeStart = end - SchemeLengthBefore(text, end, slice.CurrentChar);
        if (schemeStart == end
            || processor.Inline is not LiteralInline literal
            || !ReferenceEquals(literal.Content.Text, text)
            || literal.Content.End != end - 1
            || literal.Content.Start > schemeStart)
        {
            return false;
        }

        // From the scheme's first letter, where Markdig's own parser was asked; the literal before it is unchanged
        // for that parser, which only looks at the inlines' kinds and parents.
        var fromScheme = new StringSlice(text, schemeStart, slice.End);
        if (!base.Match(processor, ref fromScheme))
        {
            return false;
        }

        if (literal.Content.Start == schemeStart)
        {
            // Markdig would have made no text inline at all before the address.
            literal.Remove();
        }
        else
        {
            literal.Content.End = schemeStart - 1;
            literal.Span.End = processor.GetSourcePosition(schemeStart - 1);
        }

        slice.Start = fromScheme.Start;
        return true;
    }

    private static int SchemeLengthBefore(string text, int end, char current)
    {
        var before = text.AsSpan(0, end);
        if (current == '.')
        {
            return before.EndsWith("www", StringComparison.Ordinal) ? 3 : 0;
        }

        foreach (var scheme in _colonSchemes)
        {
            if (before.EndsWith(scheme, StringComparison.Ordinal))
            {
                return scheme.Length;
            }
        }

        return 0;
    }
}
