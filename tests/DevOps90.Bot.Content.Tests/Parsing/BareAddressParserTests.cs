using System.Text;
using DevOps90.Bot.Content.Parsing;
using Markdig;

namespace DevOps90.Bot.Content.Tests.Parsing;

/// <summary>
/// <see cref="BareAddressParser"/> must build the syntax tree Markdig's own autolink parser builds, node for node:
/// compared on hand-written cases and on generated text made of addresses, emphasis, brackets, HTML and tables.
/// </summary>
public sealed class BareAddressParserTests
{
    private static readonly MarkdownPipeline _markdig = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().Build();

    private static readonly MarkdownPipeline _ours = Ours();

    [Theory]
    [InlineData("See https://example.org/a_b for more.")]
    [InlineData("https://example.org at the start, www.example.org in the middle, and mailto:me@example.org")]
    [InlineData("Call tel:+331234 or ftp://files.example.org/x, not xhttps://example.org or http://")]
    [InlineData("*https://example.org/x* and **www.example.org** and _http://a.org_ and ~https://b.org~")]
    [InlineData("(https://example.org/a(b)c) [https://in.link.text](https://target.org) [unclosed https://a.org")]
    [InlineData("<a href=\"x\">https://inside.anchor.org</a> then https://after.org.")]
    [InlineData("| https://a.org | www.b.org |\n|---|:---:|\n| mailto:c@d.org | tel:1 |")]
    [InlineData("line one ends with\nhttps://next.line.org and `https://code.org` and \\https://escaped.org")]
    [InlineData("wwww.example.org hhttp://a.org https:https://a.org www.www.a.org http://www.a.org")]
    public void Parse_WrittenCases_SameTreeAsMarkdig(string markdown)
    {
        Assert.Equal(SyntaxTreeDump.Of(Markdown.Parse(markdown, _markdig)), SyntaxTreeDump.Of(Markdown.Parse(markdown, _ours)));
    }

    [Fact]
    public void Parse_GeneratedText_SameTreeAsMarkdig()
    {
        var random = new Random(90);
        var linked = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var markdown = RandomMarkdown(random);
            var expected = SyntaxTreeDump.Of(Markdown.Parse(markdown, _markdig));
            Assert.True(expected == SyntaxTreeDump.Of(Markdown.Parse(markdown, _ours)), $"different trees for:\n{markdown}");
            linked += expected.Contains("auto=True", StringComparison.Ordinal) ? 1 : 0;
        }

        // The comparison covers addresses that are links, not only ones that are not.
        Assert.InRange(linked, 500, 4_900);
    }

    private static MarkdownPipeline Ours()
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables();
        builder.InlineParsers.Insert(0, new BareAddressParser());
        return builder.Build();
    }

    private static readonly string[] _tokens =
    [
        "https://example.org/a", "http://a.org", "www.b.org", "mailto:me@c.org", "tel:+3312", "ftp://f.org/x", "https://",
        "http:", "www.", "mailto:", "tel", "ftp:/", "h", "t", "w", "m", "f", "ww", "hhttp://x.org", "xhttps://y.org",
        "word", "the", "with", "from", " ", " ", " ", "  ", "\n", "\n", "*", "**", "_", "~", "(", ")", "[", "]", "](",
        "](https://t.org)", "<a href=\"x\">", "</a>", "`", "|", " | ", ":", ".", ",", "!", "&amp;", "\\", "<https://x.org>",
        "@", "/", "?q=1", "#frag", "-", "1.", "é", "日本", "\t",
    ];

    private static string RandomMarkdown(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(6) == 0)
        {
            builder.Append(random.Next(2) == 0 ? "- " : "| a | b |\n|---|---|\n| ");
        }

        var count = random.Next(1, 25);
        for (var i = 0; i < count; i++)
        {
            builder.Append(_tokens[random.Next(_tokens.Length)]);
        }

        return builder.ToString();
    }
}
