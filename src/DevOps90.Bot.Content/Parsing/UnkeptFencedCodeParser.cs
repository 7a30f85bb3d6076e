using Markdig.Parsers;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Markdig's fenced code parser, except that the code's lines are not kept: nothing in a lesson's index comes from
/// code, and long code blocks are most of the lines of the real lessons. The blocks themselves are found as before
/// (a "# comment" in a block is still no heading); only <see cref="LeafBlock.Lines"/> stays empty.
/// </summary>
internal sealed class UnkeptFencedCodeParser : FencedCodeBlockParser
{
    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var state = base.TryContinue(processor, block);
        return state == BlockState.Continue ? BlockState.ContinueDiscard : state;
    }
}
