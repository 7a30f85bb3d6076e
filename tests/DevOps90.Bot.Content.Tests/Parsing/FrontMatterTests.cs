using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class FrontMatterTests
{
    [Theory]
    [InlineData("---\ntitle: a\n---\nbody", "body", 4)]
    [InlineData("---\ntitle: a\n...\nbody", "body", 4)]
    [InlineData("---   \ntitle: a\n---\n# Heading right after", "# Heading right after", 4)]
    public void Find_ClosedBlock_ReturnsWhereTheBodyStartsAndItsFirstLine(string text, string body, int firstLine)
    {
        var (yaml, bodyStart, bodyFirstLine) = FrontMatter.Find(text);

        Assert.Equal("title: a\n", yaml);
        Assert.Equal(body, text[bodyStart..]);
        Assert.Equal(firstLine, bodyFirstLine);
    }

    [Theory]
    [InlineData("\n---\ntitle: a\n---\nbody")]
    [InlineData("---\ntitle: a\nno closing line")]
    [InlineData("# Just markdown\n---\n")]
    public void Find_NotAtLineOneOrUnclosed_IsNoFrontMatter(string text)
    {
        var (yaml, bodyStart, firstLine) = FrontMatter.Find(text);

        Assert.Null(yaml);
        Assert.Equal(0, bodyStart);
        Assert.Equal(1, firstLine);
    }

    [Fact]
    public void Parse_ValidYaml_ReadsValuesAndTurnsNullIntoEmpty()
    {
        var warnings = new List<string>();

        var matter = FrontMatterParser.Parse("---\ntitle: 'It''s fine'\ntags: 'a, b'\ncover_image: null\ndate: '2022-04-17'\n---\n", (_, message) => warnings.Add(message));

        Assert.Empty(warnings);
        Assert.Equal("It's fine", matter["title"]);
        Assert.Equal("a, b", matter["tags"]);
        Assert.Equal("", matter["cover_image"]);
        Assert.Equal("2022-04-17", matter["date"]);
    }

    [Fact]
    public void Parse_BackslashEscapedQuote_IsRecoveredWithoutTheBackslashAndWarnsWithLine()
    {
        var warnings = new List<(int Line, string Message)>();

        var matter = FrontMatterParser.Parse(
            "---\npublished: false\ntitle: '#90DaysOfDevOps - Responsabilités d\\'un Ingénieur DevOps - Jour 2'\ndescription: d\\'un\n---\n",
            (line, message) => warnings.Add((line, message)));

        Assert.Equal("#90DaysOfDevOps - Responsabilités d'un Ingénieur DevOps - Jour 2", matter["title"]);
        Assert.Equal("d'un", matter["description"]);
        Assert.Equal("false", matter["published"]);
        var warning = Assert.Single(warnings);
        Assert.Equal(3, warning.Line);
        Assert.Contains("not valid YAML", warning.Message, StringComparison.Ordinal);
    }
}
