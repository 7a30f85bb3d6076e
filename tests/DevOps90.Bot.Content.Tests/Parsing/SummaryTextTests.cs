using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class SummaryTextTests
{
    [Fact]
    public void Cut_ShortText_IsKeptWhole()
    {
        Assert.Equal("Short. Text.", SummaryText.Cut("Short. Text.", 300));
    }

    [Fact]
    public void Cut_SeveralSentences_EndsAtTheLastSentenceWithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("This sentence has exactly forty-six characters.", 10));

        var cut = SummaryText.Cut(text, 300);

        Assert.EndsWith(".", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 300);
        Assert.True(cut.Length > 250);
    }

    [Fact]
    public void Cut_AbbreviationIsNotASentenceEnd()
    {
        var text = "Use tools, e.g. Git and Docker, to get going with the lesson today and have fun." + new string('x', 300);

        var cut = SummaryText.Cut(text, 120);

        Assert.DoesNotContain("e.g.…", cut, StringComparison.Ordinal);
        Assert.NotEqual("Use tools, e.g.", cut);
    }

    [Fact]
    public void Cut_OneHugeSentence_IsCutAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));

        var cut = SummaryText.Cut(text, 300);

        Assert.EndsWith("word…", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 301);
    }

    [Fact]
    public void Cut_CjkSentenceEnds_AreRecognised()
    {
        var text = string.Concat(Enumerable.Repeat("容器把应用打包在一起。", 40));

        var cut = SummaryText.Cut(text, 300);

        Assert.EndsWith("。", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 300);
    }
}
