using System.Globalization;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.LocalConsole;

namespace DevOps90.Bot.Tests.LocalConsole;

public sealed class ConsoleRendererTests
{
    [Fact]
    public void Render_Spans_AsPlainTerminalText()
    {
        var reply = new Reply
        {
            Paragraphs =
            [
                ReplyLine.Of(ReplySpan.Member("console"), " did ", ReplySpan.Bold("day 2"), ", see ", ReplySpan.Link("the lesson", "https://example.org/2"), " or ", ReplySpan.Code("/day 3")),
                ReplyParagraph.List(["one", "two"]),
            ],
            Fields = [new ReplyField("Who", ReplySpan.Member("ada"))],
        };

        var text = ConsoleRenderer.Render(reply, CultureInfo.GetCultureInfo("en-GB"));

        Assert.Contains("@console did day 2, see the lesson <https://example.org/2> or /day 3", text, StringComparison.Ordinal);
        Assert.Contains("• one\n• two", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Who: @ada", text, StringComparison.Ordinal);
    }
}
