using System.Text;
using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class SourceTextTests
{
    [Fact]
    public void Decode_BomCrlfZeroWidthAndNoBreakSpaces_BecomeCanonicalText()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("# Ti\u200Btle\r\nline\u00A0two\rline three\r\n"))
            .ToArray();

        var text = SourceText.Decode(bytes, out var invalid);

        Assert.Equal("# Title\nline two\nline three\n", text);
        Assert.False(invalid);
    }

    [Fact]
    public void Decode_InvalidUtf8_IsReplacedAndReported()
    {
        var text = SourceText.Decode([(byte)'a', 0xC3, (byte)'b'], out var invalid);

        Assert.True(invalid);
        Assert.Equal("a\uFFFDb", text);
    }

    [Fact]
    public void Parse_CrlfBomFile_ReadsLikeItsLfTwin()
    {
        const string lf = "---\ntitle: '#90DaysOfDevOps - Same - Day 3'\n---\n## Same\n\nA paragraph that is long enough to count as the summary here.\n\n## Resources\n\n- [One](https://example.org/one)\n";
        var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(lf.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        var fromLf = LessonSnapshot.Of(lf);
        var fromCrlf = LessonSnapshot.Of(SourceText.Decode(crlf, out _));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromLf), System.Text.Json.JsonSerializer.Serialize(fromCrlf));
        Assert.Equal("Same", fromCrlf.Title);
        Assert.Single(fromCrlf.Resources);
    }
}
