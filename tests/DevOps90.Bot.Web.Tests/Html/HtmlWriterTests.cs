using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Web.Html;

namespace DevOps90.Bot.Web.Tests.Html;

public sealed class HtmlWriterTests
{
    [Fact]
    public void Element_HostileTextAndAttribute_AreEncoded_LettersOfEveryScriptAreKept()
    {
        var html = new HtmlWriter().Element("td", "<img src=x onerror=alert(1)> 学習", ("title", "\" onmouseover=\"x")).ToString();

        Assert.Equal("<td title=\"&quot; onmouseover=&quot;x\">&lt;img src=x onerror=alert(1)&gt; 学習</td>", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("/relative")]
    public void ReplyLink_NotHttp_StaysText(string url)
    {
        var html = new HtmlWriter();

        ReplyHtml.Write(html, new Reply { Paragraphs = [new ReplyParagraph([ReplyLine.Of(ReplySpan.Link("click", url))])] }, "h3");

        Assert.DoesNotContain("<a", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("click", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_LessonShape_BecomesHeadingParagraphsFieldsAndLinks_WithoutButtonsOrMentions()
    {
        var reply = new Reply
        {
            Title = "Day 7: Go",
            Paragraphs = ["A summary", new ReplyParagraph([ReplyLine.Of("by ", ReplySpan.Member("discord:42"))])],
            Fields = [new ReplyField("Key points", ReplyParagraph.List(["one", "two"]))],
            LinkLists = [new ReplyLinkList("Resources", [new ReplyLink("Go tour", "https://go.dev/tour/")])],
            Buttons = [new ReplyButton("Day 8", Command: "day 8")],
            Footer = "Day 7 of 90",
        };
        var html = new HtmlWriter();

        ReplyHtml.Write(html, reply, "h3");

        Assert.Equal(
            "<h3>Day 7: Go</h3><p>A summary</p><p>by </p><dl class=\"fields\"><dt>Key points</dt><dd><ul><li>one</li><li>two</li></ul></dd></dl>" +
            "<p class=\"links-heading\">Resources</p><ul class=\"links\"><li><a href=\"https://go.dev/tour/\" rel=\"noopener noreferrer\">Go tour</a></li></ul>" +
            "<p class=\"footnote\">Day 7 of 90</p>",
            html.ToString());
    }
}
