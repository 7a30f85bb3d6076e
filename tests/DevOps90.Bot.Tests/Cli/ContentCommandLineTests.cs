using System.CommandLine;
using System.Text.Json;
using DevOps90.Bot.Cli;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Tests.Cli;

/// <summary>The content verbs as a person types them, output captured.</summary>
public sealed class ContentCommandLineTests
{
    private static readonly string _syntheticCheckout =
        Path.Combine(RepositoryPaths.Root, "tests", "DevOps90.Bot.Content.Tests", "Golden", "Repository");

    [Fact]
    public void Check_SyntheticCheckout_PrintsOneLinePerCurriculumAndEveryWarningAndExitsZero()
    {
        var (exitCode, output) = Run("content", "check", "--root", _syntheticCheckout);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => Columns(line) is ["2022", "en", "5", "1-5", "-", "1", "0", "0"]);
        Assert.Contains(lines, line => Columns(line) is ["2022", "es", "1", "1-1", "2-5", "0", "0", "1"]);
        Assert.Contains(lines, line => Columns(line) is ["2024", "en", "2", "1-91", "2-90", "0", "1", "0"]);
        Assert.Contains("without resources: 2024 en: days 91", lines);
        Assert.Contains("2024.md:6: warning: the line names day 91 but links to day90.md; using day 91", lines);
        Assert.Equal("8 curricula, 15 lessons, 0 errors, 3 warnings", lines[^1]);
    }

    [Fact]
    public void Check_MissingFolder_ReportsTheErrorAndExitsOne()
    {
        var (exitCode, output) = Run("content", "check", "--root", "/nonexistent/devops90-content");

        Assert.Equal(1, exitCode);
        Assert.Contains("/nonexistent/devops90-content: error: content folder not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DefaultSources_ReadTheBundledCurriculum()
    {
        var (exitCode, output) = Run("content", "check");

        Assert.Equal(0, exitCode);
        Assert.Contains(output.Split('\n'), line => Columns(line) is ["2022", "fr", "90", "1-90", "-", "0", "0", "0"]);
    }

    [Fact]
    public void Show_FrenchDay_PrintsTheBundledLesson()
    {
        var (exitCode, output) = Run("content", "show", "2", "--lang", "fr");

        Assert.Equal(0, exitCode);
        Assert.Contains("Day 2: Responsabilités d'un Ingénieur DevOps", output, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/watch?v=0yWAtQ6wYNM", output, StringComparison.Ordinal);
        Assert.Contains("Previous:   1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_DayOutsideTheCurriculum_NamesTheValidRangeAndExitsTwo()
    {
        var (exitCode, output) = Run("content", "show", "95");

        Assert.Equal(2, exitCode);
        Assert.Contains("has no day 95; its days run from 1 to 90", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_TranslationLackingTheDay_SaysItFellBack()
    {
        var (exitCode, output) = Run("content", "show", "2", "--lang", "es", "--root", _syntheticCheckout, "--curriculum", "2022");

        Assert.Equal(0, exitCode);
        Assert.Contains("(not available in 'es'; shown in 'en')", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Json_WritesTheDocumentedShape()
    {
        var (exitCode, output) = Run("content", "export", "--json", "--root", _syntheticCheckout);

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var english = root.GetProperty("curricula")[0];
        Assert.Equal("2022", english.GetProperty("id").GetString());
        var day2 = english.GetProperty("lessons")[1];
        Assert.Equal(
            ["day", "title", "topic", "summary", "keyPoints", "resources", "lessonUrl", "source", "available", "previousDay", "nextDay"],
            day2.EnumerateObject().Select(property => property.Name));
        Assert.Equal("https://example.org/roles", day2.GetProperty("resources")[0].GetProperty("url").GetString());
        Assert.Equal(2, day2.GetProperty("source").GetProperty("line").GetInt32());
        Assert.Equal(3, root.GetProperty("diagnostics").GetArrayLength());
    }

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        var root = new RootCommand { ContentCommandLine.Create(output) };
        var exitCode = root.Parse(args).Invoke();
        return (exitCode, output.ToString());
    }
}
