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

    /// <summary>
    /// False when the paragraph's text holds nothing a web link starts with: '[' (links, references), '&lt;'
    /// (autolinks) or the lowercase "http" and "www." that bare addresses are recognised by.
    /// </summary>
    public static bool MayHoldWebLink(ParagraphBlock paragraph) =>
        AnyLine(paragraph, static line => line.IndexOfAny('[', '<') >= 0
            || line.Contains("http", StringComparison.Ordinal) || line.Contains("www.", StringComparison.Ordinal));

    /// <summary>False when no "**" or "__" run can make a bold span in the paragraph.</summary>
    public static bool MayHoldBold(ParagraphBlock paragraph) =>
        AnyLine(paragraph, static line => line.Contains("**", StringComparison.Ordinal) || line.Contains("__", StringComparison.Ordinal));

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
    /// <param name="wanted">Which deferred paragraphs to parse; all when null.</param>
    public void ParseAll(ContainerBlock container, Func<ParagraphBlock, bool>? wanted = null)
    {
        if (container is Table)
        {
            return;
        }

        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case ParagraphBlock paragraph when IsDeferred(paragraph) && (wanted is null || wanted(paragraph)):
                    // A table put after the paragraph has its inlines already.
                    i += Parse(paragraph).After is null ? 0 : 1;
                    break;
                case ContainerBlock nested:
                    ParseAll(nested, wanted);
                    break;
            }
        }
    }

    // A paragraph's lines are slices of the file's text; they stay with it until its inlines are parsed.
    private static bool AnyLine(ParagraphBlock paragraph, Func<ReadOnlySpan<char>, bool> test)
    {
        var lines = paragraph.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (test(lines.Lines[i].Slice.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }
}
