using System.Globalization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Tests.Replies;

public sealed class ReplyLineTests
{
    [Fact]
    public void Format_SpanArguments_KeepTheirMeaning_OthersAreFormattedText()
    {
        var line = ReplyLine.Format(CultureInfo.GetCultureInfo("fr-FR"), "{0}. {1} — {2:N0} jours {{ok}}", 1, ReplySpan.Member("ada"), 1234);

        Assert.Equal<ReplySpan>([ReplySpan.Plain("1. "), ReplySpan.Member("ada"), ReplySpan.Plain(" — 1\u202f234 jours {ok}")], line.Spans.ToArray());
    }

    [Fact]
    public void Format_SpanFirstAndLast_MakesNoEmptyTextSpans()
    {
        var line = ReplyLine.Format(CultureInfo.InvariantCulture, "{0}{1}", ReplySpan.Bold("a"), ReplySpan.Code("b"));

        Assert.Equal<ReplySpan>([ReplySpan.Bold("a"), ReplySpan.Code("b")], line.Spans.ToArray());
    }

    [Fact]
    public void Equality_ComparesSpansNotArrays()
    {
        Assert.Equal(ReplyLine.Of("a", ReplySpan.Member("b")), ReplyLine.Of("a", ReplySpan.Member("b")));
        Assert.Equal((ReplyParagraph)"a\nb", ReplyParagraph.Of(["a", "b"]));
        Assert.NotEqual((ReplyParagraph)"a\nb", ReplyParagraph.List(["a", "b"]));
    }
}
