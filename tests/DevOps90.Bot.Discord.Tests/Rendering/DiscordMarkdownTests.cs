using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;

namespace DevOps90.Bot.Discord.Tests.Rendering;

public sealed class DiscordMarkdownTests
{
    [Fact]
    public void Line_EachSpanKind_IsWrittenInDiscordMarkdown()
    {
        var line = ReplyLine.Of("Day 2 by ", ReplySpan.Member("discord:1400000000000000009"), ": ", ReplySpan.Bold("done"), ", see ",
            ReplySpan.Link("the [full] lesson", "https://example.org/day2"), " or type ", ReplySpan.Code("/day 3"));

        Assert.Equal("Day 2 by <@1400000000000000009>: **done**, see [the \\[full\\] lesson](https://example.org/day2) or type `/day 3`", DiscordMarkdown.Line(line));
    }

    [Fact]
    public void Line_PlainTextWithMarkdownCharacters_IsEscaped_UrlsLeftWhole()
    {
        var line = (ReplyLine)"Use snake_case in *.yaml, see https://example.org/a_b*c then ~stop~";

        Assert.Equal("Use snake\\_case in \\*.yaml, see https://example.org/a_b*c then \\~stop\\~", DiscordMarkdown.Line(line));
    }

    [Fact]
    public void Paragraph_LineStartingWithAHeadingOrQuoteMarker_IsEscaped_OnlyAtTheStart()
    {
        var paragraph = (ReplyParagraph)"# not a heading\n> not a quote - nor a list";

        Assert.Equal("\\# not a heading\n\\> not a quote - nor a list", DiscordMarkdown.Paragraph(paragraph));
    }

    [Fact]
    public void Paragraph_List_BulletsEachItem()
    {
        var list = ReplyParagraph.List(["one", ReplyLine.Of(ReplySpan.Bold("two"))]);

        Assert.Equal("• one\n• **two**", DiscordMarkdown.Paragraph(list));
    }
}
