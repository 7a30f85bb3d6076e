using System.Collections.Frozen;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>The key/value block at the top of a lesson file, and where the markdown after it starts.</summary>
/// <param name="Values">Keys compared ignoring case.</param>
/// <param name="BodyStart">The index in the file's text where the markdown starts (0 without front matter).</param>
/// <param name="BodyFirstLine">The file line (from 1) where the markdown starts.</param>
internal sealed record FrontMatter(IReadOnlyDictionary<string, string> Values, int BodyStart, int BodyFirstLine)
{
    public static FrontMatter None { get; } = new(FrozenDictionary<string, string>.Empty, 0, 1);

    public string? this[string key] => Values.GetValueOrDefault(key);

    /// <summary>
    /// Finds a front matter block: only when line 1 is exactly "---", closed by the next "---" or "..." line. An
    /// unclosed block is not front matter (the whole file is markdown). The body is not copied: Markdig reads the whole
    /// text and skips the block (<see cref="SkippedFrontMatterParser"/>).
    /// </summary>
    public static (string? Yaml, int BodyStart, int BodyFirstLine) Find(string text)
    {
        if (!StartsWithDelimiter(text))
        {
            return (null, 0, 1);
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
                return (yaml, lineEnd < 0 ? text.Length : lineEnd + 1, line + 1);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
            line++;
        }

        return (null, 0, 1);
    }

    /// <summary>A "---" first line with no closing line: a file cut short, or being written.</summary>
    public static bool IsUnclosed(string text) => StartsWithDelimiter(text) && Find(text).Yaml is null;

    private static bool StartsWithDelimiter(string text)
    {
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text.AsSpan() : text.AsSpan(0, firstLineEnd);
        return firstLine.TrimEnd() is "---";
    }
}
