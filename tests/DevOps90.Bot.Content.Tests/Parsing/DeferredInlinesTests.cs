using System.Text;
using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Testing;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace DevOps90.Bot.Content.Tests.Parsing;

/// <summary>
/// A lesson whose paragraphs get their inlines when they are read must end as the tree Markdig builds when it parses
/// every inline at once, pipe tables included (one that takes a paragraph's place, one that follows a paragraph's
/// text), and its sections must hold the blocks the document holds.
/// </summary>
public sealed class DeferredInlinesTests
{
    private static readonly MarkdownPipeline _eager = LessonMarkdown.CreateBuilder(deferParagraphInlines: false).Build();

    [Theory]
    [InlineData("Some text\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter the table.")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |\n\n## Resources\n\n- [x](https://x.org)")]
    [InlineData("`x|y` text\n| a | b |\n|---|---|\n| 1 | 2 |")]
    [InlineData("- item with a table:\n  | a | b |\n  |---|---|\n  | [l](https://l.org) | 2 |\n- Lead text\n  | c |\n  |---|\n  | 3 |")]
    [InlineData("> quoted\n> | a |\n> |---|\n> | 1 |\n\nplain | not a table\nsecond line")]
    [InlineData("# Title\n\nIntro https://bare.org and **bold**.\n\n| a | b | \n|---|---| \n| 1 | 2 |\n\n**Resources**\n\n- <https://a.org>")]
    [InlineData("text: \n| a |\n|:-:|\n| 1 |\nmore | text\n\n[ref]: https://ref.org\n\nUses [ref].")]
    public void ParseAll_WrittenCases_SameTreeAsMarkdig(string markdown) => AssertSameAsEager(markdown);

    [Fact]
    public void ParseAll_GeneratedLessons_SameTreeAsMarkdig()
    {
        var random = new Random(13);
        var tables = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var markdown = RandomLesson(random);
            AssertSameAsEager(markdown);
            tables += Markdown.Parse(markdown, _eager).Descendants<Table>().Any() ? 1 : 0;
        }

        // The comparison covers paragraphs that become tables, not only ones that stay paragraphs.
        Assert.InRange(tables, 800, 2_900);
    }

    [Fact]
    public void ParseAll_BundledAndCorpusLessons_SameTreeAsMarkdig()
    {
        var folders = RepositoryPaths.HasShared ? [RepositoryPaths.Content, RepositoryPaths.Corpus] : new[] { RepositoryPaths.Content };
        var files = folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertSameAsEager(SourceText.Normalize(File.ReadAllText(file)), file);
        }
    }

    [Fact]
    public void Extract_GeneratedLessonsWithoutResourcesHeading_SameAsWithEveryInlineParsed()
    {
        var random = new Random(31);
        var linked = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var markdown = RandomLesson(random).Replace("## Heading", "## Notes", StringComparison.Ordinal);
            var expected = IndexOf(Markdown.Parse(markdown, _eager));
            var (document, _, inlines) = LessonMarkdown.Parse(markdown, FrontMatter.None);

            Assert.True(expected == IndexOf(document, inlines), $"different index for:\n{markdown}");
            linked += expected.Contains("https://", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.InRange(linked, 500, 1_990);
    }

    [Fact]
    public void SectionBlock_ParagraphWithTextBeforeATable_TableFollowsInSectionAndDocument()
    {
        var (document, _, inlines) = LessonMarkdown.Parse("Lead text\n| a |\n|---|\n| 1 |\n\nNext.", FrontMatter.None);
        var section = Assert.Single(LessonSections.Of(document, inlines).All);

        Assert.IsType<ParagraphBlock>(section[0]);
        Assert.Equal([typeof(ParagraphBlock), typeof(Table), typeof(ParagraphBlock)], section.Blocks.Select(block => block.GetType()));
        Assert.Equal(section.Blocks, document);
    }

    private static void AssertSameAsEager(string markdown, string? source = null)
    {
        var frontMatter = FrontMatter.Find(markdown);
        var expected = SyntaxTreeDump.Of(Markdown.Parse(markdown[frontMatter.BodyStart..], _eager));
        var (document, _, inlines) = LessonMarkdown.Parse(markdown[frontMatter.BodyStart..], FrontMatter.None);
        var sections = LessonSections.Of(document, inlines);
        foreach (var _ in sections.All.SelectMany(section => section.FullyParsedBlocks))
        {
        }

        Assert.True(expected == SyntaxTreeDump.Of(document), $"different trees for {source ?? "\n" + markdown}");
        var fromSections = sections.All.SelectMany(section => HeadingOf(section).Concat(section.Blocks));
        Assert.Equal(document, fromSections);
    }

    /// <summary>What the index takes from a lesson's blocks: resources (with the warnings) and the summary.</summary>
    private static string IndexOf(MarkdownDocument document, DeferredInlines? inlines = null)
    {
        var sections = LessonSections.Of(document, inlines ?? new DeferredInlines(document, null));
        var warnings = new List<string>();
        var resources = ResourceExtractor.Extract(document, sections, (line, message) => warnings.Add($"{line}: {message}"));
        return string.Join('\n', resources.Select(resource => $"{resource.Title} <{resource.Url}>").Concat(warnings))
            + "\n" + SummaryFinder.Find(sections);
    }

    private static IEnumerable<Block> HeadingOf(LessonSection section) =>
        section.Heading is { } heading ? [heading.Block] : [];

    private static readonly string[] _lines =
    [
        "| a | b |", "|---|---|", "| 1 | [l](https://l.org) |", "|:-:|--|", "a | b", "-|-", "| **x** | `y|z` |", "plain text",
        "Text before:", "some `code|span` here", "\\| escaped", "- item", "  | c |", "  |---|", "  | 3 |", "> quote | x",
        "> |---|", "## Heading", "**Resources**", "https://bare.org/x...", "<https://auto.org>", "See <HTTPS://UPPER.ORG/A>", "WWW.UPPER.ORG", "![i](p.png) | x", "",
        "", "1. first", "   continued | y", "<div>html</div>", "```", "code | in fence", "Setext", "===", "***",
    ];

    private static string RandomLesson(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 14);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(5) == 0)
            {
                AppendTable(builder, random);
            }

            builder.Append(_lines[random.Next(_lines.Length)]).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A table as lessons write them, maybe after a line of text, maybe in a list item or a quote.</summary>
    private static void AppendTable(StringBuilder builder, Random random)
    {
        var indent = random.Next(4) switch { 0 => "  ", 1 => "> ", _ => "" };
        if (indent == "  ")
        {
            builder.Append("- item\n");
        }

        if (random.Next(2) == 0)
        {
            builder.Append(indent).Append(_lines[random.Next(_lines.Length)]).Append('\n');
        }

        builder.Append(indent).Append("| h | **i** |\n").Append(indent).Append("|---|:-:|\n");
        for (var row = random.Next(3); row >= 0; row--)
        {
            builder.Append(indent).Append("| [x](https://x.org) | ").Append(_lines[random.Next(_lines.Length)]).Append(" |\n");
        }
    }
}
