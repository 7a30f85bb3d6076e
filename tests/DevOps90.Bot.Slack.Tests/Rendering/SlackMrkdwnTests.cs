using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack.Tests.Rendering;

public sealed class SlackMrkdwnTests
{
    [Fact]
    public void Line_EachSpanKind_IsWrittenInMrkdwn()
    {
        var line = ReplyLine.Of("Day 2 by ", ReplySpan.Member("slack:T0FAKE:U0ADA"), ": ", ReplySpan.Bold("done"), ", see ",
            ReplySpan.Link("the full lesson", "https://example.org/day2?a=1&b=2"), " or type ", ReplySpan.Code("/devops90 day 3"));

        Assert.Equal("Day 2 by <@U0ADA>: *done*, see <https://example.org/day2?a=1&amp;b=2|the full lesson> or type `/devops90 day 3`", SlackMrkdwn.Line(line));
    }

    [Fact]
    public void Text_ControlCharacters_AreEscapedEverywhere()
    {
        var line = ReplyLine.Of("<!channel> & <@U1> ", ReplySpan.Bold("a<b>&c"), ReplySpan.Code("x > y && z"), ReplySpan.Link("<i> & </i>", "https://example.org"));

        Assert.Equal("&lt;!channel&gt; &amp; &lt;@U1&gt; *a&lt;b&gt;&amp;c*`x &gt; y &amp;&amp; z`<https://example.org|&lt;i&gt; &amp; &lt;/i&gt;>", SlackMrkdwn.Line(line));
    }

    [Fact]
    public void Text_FormattingCharacters_AreLeftAsTyped()
    {
        // Slack has no escape for them and formats only pairs that enclose words from outside; these show as written.
        Assert.Equal("Use snake_case in *.yaml, keep ~/bin and a lone ` tick", SlackMrkdwn.Text("Use snake_case in *.yaml, keep ~/bin and a lone ` tick"));
    }

    [Theory]
    [InlineData("see https://example.org/a_b?x=1&y=2.", "see <https://example.org/a_b?x=1&amp;y=2>.")]
    [InlineData("(https://example.org/x) done", "(<https://example.org/x>) done")]
    [InlineData("nothttps://example.org", "nothttps://example.org")]
    public void Text_BareAddress_BecomesAnExplicitLink(string text, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.Text(text));
    }

    [Fact]
    public void Link_PipeInTextAndSpecialCharactersInAddress_CannotEndItEarly()
    {
        Assert.Equal("<https://example.org/a%7Cb%3Cc%3E%20d|one ∣ two>", SlackMrkdwn.Link("https://example.org/a|b<c> d", "one | two"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void Link_AddressThatIsNotWeb_LeavesTheTextUnlinked(string url)
    {
        Assert.Equal("the lesson", SlackMrkdwn.Link(url, "the lesson"));
    }

    [Theory]
    [InlineData("done", "*done*")]
    [InlineData(" done ", " *done* ")]
    [InlineData("2 * 3", "2 * 3")]
    [InlineData("", "")]
    public void Bold_Text_IsWrappedOnlyWhereSlackWouldShowIt(string text, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.Bold(text));
    }

    [Fact]
    public void Code_Backtick_BecomesAnApostrophe()
    {
        Assert.Equal("`echo 'hi'`", SlackMrkdwn.Code("echo `hi`"));
    }

    [Theory]
    [InlineData("slack:T0FAKE:U0ADA", "<@U0ADA>")]
    [InlineData("slack:E0GRID:W0ADA", "<@W0ADA>")]
    [InlineData("discord:1400000000000000009", "discord:1400000000000000009")]
    [InlineData("console:ada", "console:ada")]
    [InlineData("slack:U0ADA", "slack:U0ADA")]
    [InlineData("slack:T0FAKE:U0ADA>x", "slack:T0FAKE:U0ADA&gt;x")]
    public void Member_SlackOrOther_IsAMentionOrThePlainId(string memberId, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.Member(memberId));
    }

    [Fact]
    public void Paragraph_List_BulletsEachItem()
    {
        var list = ReplyParagraph.List(["one", ReplyLine.Of(ReplySpan.Bold("two"))]);

        Assert.Equal("• one\n• *two*", SlackMrkdwn.Paragraph(list));
    }
}
