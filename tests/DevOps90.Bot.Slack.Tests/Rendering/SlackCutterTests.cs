using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack.Tests.Rendering;

public sealed class SlackCutterTests
{
    [Theory]
    [InlineData("Short.", 10, "Short.")]
    [InlineData("First sentence here. Second sentence that is long.", 30, "First sentence here. …")]
    [InlineData("one two three four five six seven", 20, "one two three four…")]
    public void Cut_Text_EndsAtASentenceOrWord(string text, int limit, string expected)
    {
        var cut = SlackCutter.Cut(text, limit);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= limit);
    }

    [Theory]
    [InlineData("read <https://example.org/very/long/address|the lesson about things> now", 30, "read…")]
    [InlineData("fish &amp; chips &amp; peas", 22, "fish &amp; chips…")]
    [InlineData("ab&amp;cd", 6, "ab…")]
    public void Cut_InsideMarkup_CutsBeforeIt(string text, int limit, string expected)
    {
        Assert.Equal(expected, SlackCutter.Cut(text, limit));
    }

    [Fact]
    public void Split_LongText_PiecesWithinTheLimitHoldEverything()
    {
        var paragraph = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"<https://example.org/{i}|link {i}>"));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 5));

        var pieces = SlackCutter.Split(text, 700);

        Assert.All(pieces, piece => Assert.True(piece.Length <= 700, $"{piece.Length}"));
        Assert.Equal(text.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), string.Join(' ', pieces).Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal));
        Assert.All(pieces, piece => Assert.Equal(piece.Count(c => c == '<'), piece.Count(c => c == '>')));
    }
}
