using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Sees the pipe table Markdig makes of a paragraph while it parses the paragraph's inlines. Markdig puts a table in
/// the paragraph's place itself (<see cref="InlineProcessor.BlockNew"/>), except when text comes before the table
/// ("Some text\n| a | b |"): then the paragraph stays and the table is inserted after it once Markdig's own walk
/// over the whole document is done, from an event only that walk raises. <see cref="DeferredInlines"/> parses a
/// paragraph outside that walk, so it takes the table from here (Markdig post-processes each of its cells) and
/// inserts it itself.
/// </summary>
internal sealed class TableWatcher : InlineParser, IPostInlineProcessor
{
    // Markdig replaces NUL characters before parsing, so it never asks this parser to match anything.
    public TableWatcher() => OpeningCharacters = ['\0'];

    /// <summary>The table made of the paragraph <paramref name="processor"/> parsed last, if any.</summary>
    public Table? TableOf(InlineProcessor processor) => processor.ParserStates[Index] as Table;

    public override bool Match(InlineProcessor processor, ref StringSlice slice) => false;

    public bool PostProcess(InlineProcessor state, Inline? root, Inline? lastChild, int postInlineProcessorIndex, bool isFinalProcessing)
    {
        // Parser states are cleared before each paragraph: this one is the paragraph's table.
        if (root is ContainerInline { ParentBlock.Parent: TableCell { Parent: TableRow { Parent: Table table } } })
        {
            state.ParserStates[Index] = table;
        }

        return true;
    }
}
