using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

/// <summary>
/// Markdig reads a lesson file whole and skips its front matter lines; the lines it reports must still be the file's.
/// </summary>
public sealed class LessonLineNumberTests
{
    [Fact]
    public void Parse_FrontMatterWithABlankLine_NamesLinesOfTheFile()
    {
        const string text = "---\npublished: false\n\ntags: 'devops'\n---\n## Rolling Updates\n\n"
            + "A rolling update replaces the pods of a deployment a few at a time, so the service keeps answering.\n\n"
            + "## Resources\n\n- [Surge and unavailable](https://docs.example.org/rolling-upd...)\n";
        var warnings = new List<(int Line, string Message)>();

        var lesson = LessonParser.Parse(text, (line, message) => warnings.Add((line, message)));

        Assert.Equal("Rolling Updates", lesson.Title);
        Assert.Equal(6, lesson.TitleLine);
        Assert.Equal(12, Assert.Single(warnings).Line);
    }

    [Fact]
    public void Parse_BodyOpeningWithAThematicBreak_ReadsItAsMarkdown()
    {
        const string text = "---\npublished: false\n---\n---\nSetext Title\n===\n\n"
            + "Prose long enough to be the summary of this lesson, about nothing in particular.\n";

        var lesson = LessonParser.Parse(text, (_, _) => { });

        Assert.Equal("Setext Title", lesson.Title);
        Assert.Equal(5, lesson.TitleLine);
        Assert.StartsWith("Prose long enough", lesson.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneCarriageReturnInFrontMatter_CountsLinesAsTheFrontMatterDoes()
    {
        // Markdig would see four front matter lines where FrontMatter.Find sees three (it ends lines at LF only).
        const string text = "---\npublished: false\rtags: x\n---\n# Heading Title\n";

        var lesson = LessonParser.Parse(text, (_, _) => { });

        Assert.Equal("Heading Title", lesson.Title);
        Assert.Equal(4, lesson.TitleLine);
    }
}
