using Markdig.Parsers;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Markdig's paragraph parser, except that the paragraphs it opens leave their inlines to <see cref="DeferredInlines"/>:
/// Markdig's walk over the document skips them. Marked as they open, before their first line: Markdig then keeps the
/// lines in an array of their size rather than in a larger pooled one that only parsing inlines would give back.
/// </summary>
internal sealed class DeferredParagraphParser : ParagraphBlockParser
{
    public override BlockState TryOpen(BlockProcessor processor)
    {
        var state = base.TryOpen(processor);
        if (state != BlockState.None && processor.NewBlocks.TryPeek(out var opened) && opened is ParagraphBlock paragraph)
        {
            paragraph.ProcessInlines = false;
        }

        return state;
    }
}
