using System.Collections.Frozen;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>The key/value block at the top of a lesson file, and where the markdown after it starts.</summary>
internal sealed record FrontMatter(FrozenDictionary<string, string> Values, string Body, int BodyFirstLine)
{
    public static FrontMatter None(string text) => new(FrozenDictionary<string, string>.Empty, text, 1);

    public string? this[string key] => Values.GetValueOrDefault(key);

    /// <summary>
    /// Splits off a front matter block: only when line 1 is exactly "---", closed by the next "---" or "..." line.
    /// An unclosed block is not front matter (the whole file is markdown).
    /// </summary>
    public static (string? Yaml, string Body, int BodyFirstLine) Split(string text)
    {
        if (!StartsWithDelimiter(text))
        {
            return (null, text, 1);
        }

        var lineStart = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var line = 2;
        while (lineStart > 0 && lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var content = lineEnd < 0 ? text.AsSpan(lineStart) : text.AsSpan(lineStart, lineEnd - lineStart);
            var trimmed = content.TrimEnd();
            if (trimmed is "---" or "...")
            {
                var yaml = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..lineStart];
                var body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                return (yaml, body, line + 1);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
            line++;
        }

        return (null, text, 1);
    }

    /// <summary>A "---" first line with no closing line: a file cut short, or being written.</summary>
    public static bool IsUnclosed(string text) => StartsWithDelimiter(text) && Split(text).Yaml is null;

    private static bool StartsWithDelimiter(string text)
    {
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text.AsSpan() : text.AsSpan(0, firstLineEnd);
        return firstLine.TrimEnd() is "---";
    }
}
