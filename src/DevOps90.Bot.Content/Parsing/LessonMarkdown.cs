using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>A lesson's markdown as Markdig's blocks, with the inlines of paragraphs left for when they are read.</summary>
internal sealed record LessonDocument(MarkdownDocument Document, int LineZero, DeferredInlines Inlines);

/// <summary>
/// Markdig set up for lessons: pipe tables, bare addresses, the front matter skipped, code lines not kept. Paragraphs
/// get their inlines only when the index reads them (<see cref="DeferredInlines"/>): most of a lesson's prose, its
/// tables and its nested lists are never read, and parsing their inlines was most of what indexing cost.
/// </summary>
internal static class LessonMarkdown
{
    private static readonly MarkdownPipelineBuilder _builder = CreateBuilder(deferParagraphInlines: true);
    private static readonly MarkdownPipeline _pipeline = _builder.Build();

    /// <summary>
    /// The pipeline's inline parsers (the same instances in the same order, so with the same indexes) for the
    /// <see cref="InlineProcessor"/> that parses deferred paragraphs: Markdig keeps its own list internal.
    /// </summary>
    internal static readonly InlineParserList InlineParsers = new(_builder.InlineParsers);

    /// <summary>
    /// Whether inlines record their line and column: pipe tables turn it on (they need each pipe's line), and a
    /// warning about a link gives the link's line.
    /// </summary>
    internal static readonly bool PreciseSourceLocation = _builder.PreciseSourceLocation;

    internal static readonly TableWatcher TableWatcher = _builder.InlineParsers.Find<TableWatcher>()!;

    public static LessonDocument Parse(string text, FrontMatter frontMatter)
    {
        if (frontMatter.BodyStart == 0)
        {
            return Deferred(Markdown.Parse(text, _pipeline), 1, null);
        }

        // Markdig also ends a line at a lone CR, FrontMatter.Find only at LF: skipping lines is exact without CRs.
        if (text.AsSpan(0, frontMatter.BodyStart).Contains('\r'))
        {
            return Deferred(Markdown.Parse(text[frontMatter.BodyStart..], _pipeline), frontMatter.BodyFirstLine, null);
        }

        var context = SkippedFrontMatterParser.Context(frontMatter.BodyFirstLine);
        return Deferred(Markdown.Parse(text, _pipeline, context), 1, context);
    }

    /// <param name="deferParagraphInlines">False builds the pipeline that parses every inline at once (for tests).</param>
    internal static MarkdownPipelineBuilder CreateBuilder(bool deferParagraphInlines)
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables();

        // UseAutoLinks() would insert Markdig's own parser here, first of all.
        builder.InlineParsers.Insert(0, new BareAddressParser());
        builder.InlineParsers.Insert(0, new TableWatcher());

        // Before the thematic break and list parsers, which "---" would open too.
        builder.BlockParsers.Insert(0, new SkippedFrontMatterParser());
        builder.BlockParsers.Replace<FencedCodeBlockParser>(new UnkeptFencedCodeParser());
        if (deferParagraphInlines)
        {
            builder.BlockParsers.Replace<ParagraphBlockParser>(new DeferredParagraphParser());
        }

        return builder;
    }

    private static LessonDocument Deferred(MarkdownDocument document, int lineZero, MarkdownParserContext? context) =>
        new(document, lineZero, new DeferredInlines(document, context));
}
