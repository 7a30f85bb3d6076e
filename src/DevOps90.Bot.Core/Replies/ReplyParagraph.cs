using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// A block of a reply: lines one under the other, or, when <see cref="IsList"/>, the items of a bulleted list (each
/// renderer draws its own bullets).
/// </summary>
public sealed record ReplyParagraph(ImmutableArray<ReplyLine> Lines, bool IsList = false)
{
    /// <summary>Plain text; each '\n' starts a new line.</summary>
    public static implicit operator ReplyParagraph(string text) => new([.. text.Split('\n').Select(line => (ReplyLine)line)]);

    public static implicit operator ReplyParagraph(ReplyLine line) => new([line]);

    public static implicit operator ReplyParagraph(ReplySpan span) => new([(ReplyLine)span]);

    public static ReplyParagraph List(IEnumerable<ReplyLine> items) => new([.. items], IsList: true);

    public static ReplyParagraph Of(IEnumerable<ReplyLine> lines) => new([.. lines]);

    public bool IsEmpty => Lines.All(line => line.Spans.All(span => span.Text.Length == 0));

    /// <summary>The paragraph as plain text, lines joined by '\n' (list items without bullets).</summary>
    public string PlainText => string.Join('\n', Lines.Select(line => line.PlainText));

    public bool Equals(ReplyParagraph? other) => other is not null && IsList == other.IsList && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => Lines.Aggregate(IsList.GetHashCode(), (hash, line) => HashCode.Combine(hash, line));

    public override string ToString() => string.Join('\n', Lines.Select(line => (IsList ? "• " : "") + line));
}
