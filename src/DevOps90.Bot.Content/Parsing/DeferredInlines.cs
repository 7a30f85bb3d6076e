using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Parsers;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Parses the inlines of a document's paragraphs one at a time, when they are read, as Markdig's own walk over the
/// document would have: the same inline parsers on the same lines, and the same blocks afterwards, since a paragraph
/// may turn into a pipe table (it takes the paragraph's place, or follows it when text came first).
/// </summary>
internal sealed class DeferredInlines(MarkdownDocument document, MarkdownParserContext? context)
{
    private InlineProcessor? _processor;

    public static bool IsDeferred(Block block) => block is ParagraphBlock { ProcessInlines: false, Inline: null };

    /// <summary>Parses a deferred paragraph's inlines.</summary>
    /// <returns>The block now in the paragraph's place (the paragraph or its table), and a table put after it.</returns>
    public (Block InPlace, Table? After) Parse(ParagraphBlock paragraph)
    {
        var processor = _processor ??= new InlineProcessor(
            document, LessonMarkdown.InlineParsers, LessonMarkdown.PreciseSourceLocation, context);
        processor.ProcessInlineLeaf(paragraph);
        var parent = paragraph.Parent!;
        if (processor.BlockNew is { } replacement)
        {
            parent[parent.IndexOf(paragraph)] = replacement;
            return (replacement, null);
        }

        if (LessonMarkdown.TableWatcher.TableOf(processor) is { } table)
        {
            parent.Insert(parent.IndexOf(paragraph) + 1, table);
            return (paragraph, table);
        }

        return (paragraph, null);
    }

    /// <summary>Parses every deferred paragraph under <paramref name="container"/>, at any depth.</summary>
    public void ParseAll(ContainerBlock container)
    {
        if (container is Table)
        {
            return;
        }

        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case ParagraphBlock paragraph when IsDeferred(paragraph):
                    // A table put after the paragraph has its inlines already.
                    i += Parse(paragraph).After is null ? 0 : 1;
                    break;
                case ContainerBlock nested:
                    ParseAll(nested);
                    break;
            }
        }
    }
}
