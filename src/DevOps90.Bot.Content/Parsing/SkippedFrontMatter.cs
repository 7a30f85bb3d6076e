using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Lets Markdig read a lesson file whole while it skips the front matter's lines, so the markdown after them needs no
/// copy of its own (that copy was a tenth of what indexing allocated). Where the block ends is
/// <see cref="FrontMatter.Find"/>'s decision, passed in the parser context: Markdig's own front matter extension
/// follows other rules. After the skipped lines Markdig starts as on a document's first line, and block lines count
/// from the file's first line.
/// </summary>
internal sealed class SkippedFrontMatterParser : BlockParser
{
    private static readonly object _closingLine = new();

    public SkippedFrontMatterParser() => OpeningCharacters = ['-'];

    /// <param name="bodyFirstLine">The file line (from 1) after the front matter's closing line.</param>
    public static MarkdownParserContext Context(int bodyFirstLine) =>
        new() { Properties = { [_closingLine] = bodyFirstLine - 2 } };

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.LineIndex != 0 || processor.Context?.Properties.ContainsKey(_closingLine) != true)
        {
            return BlockState.None;
        }

        processor.NewBlocks.Push(new SkippedFrontMatterBlock(this));
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block) =>
        processor.LineIndex < (int)processor.Context!.Properties[_closingLine] ? BlockState.ContinueDiscard : BlockState.BreakDiscard;
}

/// <summary>The skipped front matter lines: no text, no inlines; <see cref="LessonSections"/> leaves it out.</summary>
internal sealed class SkippedFrontMatterBlock : LeafBlock
{
    public SkippedFrontMatterBlock(BlockParser parser)
        : base(parser) => ProcessInlines = false;
}
