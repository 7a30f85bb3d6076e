using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace DevOps90.Bot.Core.Replies;

/// <summary>One line of a reply: spans in reading order.</summary>
public sealed record ReplyLine(ImmutableArray<ReplySpan> Spans)
{
    public static ReplyLine Of(params ReplySpan[] spans) => new([.. spans]);

    public static implicit operator ReplyLine(string text) => new([ReplySpan.Plain(text)]);

    public static implicit operator ReplyLine(ReplySpan span) => new([span]);

    /// <summary>
    /// A translated template ("{0}. {1} — days done: {2}") with its placeholders filled: an argument that is a
    /// <see cref="ReplySpan"/> keeps its meaning (a member, a link), any other is formatted as text in
    /// <paramref name="culture"/>, with the placeholder's own format ("{2:N0}").
    /// </summary>
    public static ReplyLine Format(CultureInfo culture, string template, params object?[] arguments)
    {
        var spans = ImmutableArray.CreateBuilder<ReplySpan>();
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            var end = template.IndexOf('}', i);
            if (end < 0)
            {
                throw new FormatException($"Unclosed placeholder in '{template}'");
            }

            var placeholder = template[(i + 1)..end];
            var index = int.Parse(placeholder.AsSpan(0, IndexLength(placeholder)), NumberStyles.None, CultureInfo.InvariantCulture);
            if (arguments[index] is ReplySpan span)
            {
                Flush(spans, text);
                spans.Add(span);
            }
            else
            {
                text.Append(string.Format(culture, "{0" + placeholder[IndexLength(placeholder)..] + "}", arguments[index]));
            }

            i = end;
        }

        Flush(spans, text);
        return new ReplyLine(spans.ToImmutable());
    }

    /// <summary>The line as plain text (members as their ids, links as their text).</summary>
    public string PlainText => string.Concat(Spans.Select(span => span.Text));

    public bool Equals(ReplyLine? other) => other is not null && Spans.SequenceEqual(other.Spans);

    public override int GetHashCode() => Spans.Aggregate(0, (hash, span) => HashCode.Combine(hash, span));

    public override string ToString() => string.Concat(Spans.Select(span => span.ToString()));

    private static int IndexLength(string placeholder)
    {
        var length = 0;
        while (length < placeholder.Length && char.IsAsciiDigit(placeholder[length]))
        {
            length++;
        }

        return length;
    }

    private static void Flush(ImmutableArray<ReplySpan>.Builder spans, StringBuilder text)
    {
        if (text.Length > 0)
        {
            spans.Add(ReplySpan.Plain(text.ToString()));
            text.Clear();
        }
    }
}
