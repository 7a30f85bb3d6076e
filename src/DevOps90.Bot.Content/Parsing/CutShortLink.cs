using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// A link whose address was cut short when it was copied ("https://example.org/long-pa..." or "…"): it leads
/// nowhere useful, so it is reported and never published.
/// </summary>
internal static class CutShortLink
{
    /// <summary>True when the link is cut short; <paramref name="written"/> is its address as the source has it.</summary>
    public static bool Is(MarkdownObject node, string url, out string written)
    {
        written = url.Trim();

        // A bare address loses its trailing dots to the autolinker (they read as a sentence end): look at what follows.
        if (node is LinkInline { IsAutoLink: true, NextSibling: LiteralInline next })
        {
            written += LeadingDots(next.Content.ToString());
        }

        return EndsCut(written);
    }

    private static bool EndsCut(string url) =>
        url.EndsWith("...", StringComparison.Ordinal) || url.EndsWith('…');

    private static string LeadingDots(string text) =>
        text[..(text.Length - text.TrimStart('.', '…').Length)];
}
