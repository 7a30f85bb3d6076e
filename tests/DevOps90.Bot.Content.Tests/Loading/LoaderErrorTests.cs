using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Content.Tests.Loading;

/// <summary>Bad content is reported with its file and line, and everything else still loads.</summary>
public sealed class LoaderErrorTests
{
    [Fact]
    public void Load_MissingFolder_IsAnErrorNamingThePath()
    {
        var index = ContentLoader.Load([new ContentSourceOptions { Path = "/nonexistent/devops90" }]);

        var error = Assert.Single(index.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("/nonexistent/devops90", error.Location.File);
        Assert.Empty(index.Curricula);
    }

    [Fact]
    public void Load_BrokenManifest_ReportsItsLineAndStillLoadsTheOtherCurriculum()
    {
        using var folder = new TempFolder();
        folder.Write("good/curriculum.yaml", "id: good\ntitles:\n  en: Good\n");
        folder.Write("good/en/day01.md", "---\ntitle: One\n---\n# One\n\n## Summary\n\nA summary of the first day.\n\n## Resources\n\n- [Link](https://example.org/1)\n");
        folder.Write("bad/curriculum.yaml", "id: bad\ntopics:\n  - days: 1-2\n    en: [unclosed\n");
        folder.Write("bad/en/day01.md", "# One\n");

        var index = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);

        var curriculum = Assert.Single(index.Curricula);
        Assert.Equal("good", curriculum.Id);
        var error = Assert.Single(index.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal("bad/curriculum.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 4, $"line {error.Location.Line}");
    }

    [Fact]
    public void Load_ManifestValueOfTheWrongShape_ReportsItsLine()
    {
        using var folder = new TempFolder();
        folder.Write("c/curriculum.yaml", "id: c\ndefault_language: en\ntitles: Just a title\n");
        folder.Write("c/en/day01.md", "# One\n");

        var index = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);

        Assert.Empty(index.Curricula);
        Assert.Contains("c/curriculum.yaml:3: error: not a valid curriculum manifest: expected a mapping of keys to values here; its lessons were not loaded",
            index.Diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Load_ManifestKeys_AreReadInSnakeCaseAndUnknownOnesIgnored()
    {
        using var folder = new TempFolder();
        folder.Write("c/curriculum.yaml", "id: 7\nedition: ed\ndefault_language: fr\nlesson_url: https://example.org/{day}\nlicence: L\nattribution: A\nfuture_key: [1, 2]\n" +
            "titles:\n  fr: Titre\ntopics:\n  - days: 1-2\n    fr: Début\n");
        folder.Write("c/fr/day01.md", "# Un\n");

        var index = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);

        var curriculum = Assert.Single(index.Curricula);
        Assert.Equal(("7", "ed", "fr", "Titre", "L", "A"), (curriculum.Id, curriculum.Edition, curriculum.DefaultLanguage, curriculum.Title, curriculum.Licence, curriculum.Attribution));
        Assert.Equal(new Topic("Début", 1, 2), Assert.Single(curriculum.Topics));
        Assert.Equal("https://example.org/1", index.FindLesson("7", "fr", 1).Lesson!.LessonUrl);
    }

    [Fact]
    public void Load_BundledLessonMissingSummaryAndResources_WarnsAndKeepsTheLesson()
    {
        using var folder = new TempFolder();
        folder.Write("c/curriculum.yaml", "id: c\n");
        folder.Write("c/en/day01.md", "---\nday: 2\ntitle: Bare\n---\n\n# Bare\n");

        var index = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);

        Assert.Equal("Bare", index.FindLesson("c", "en", 1).Lesson!.Title);
        Assert.Equal(
            ["c/en/day01.md:1: warning: front matter says day 2 but the file is day01.md; the file name wins",
             "c/en/day01.md:3: warning: no resources",
             "c/en/day01.md:3: warning: no summary"],
            index.Diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Load_BundledLessonWithoutProse_ShowsItsOutlineAndTellsTheCurator()
    {
        using var folder = new TempFolder();
        folder.Write("c/curriculum.yaml", "id: c\n");
        folder.Write("c/en/day01.md", "---\ntitle: Links only\n---\n\n# Links only\n\n## Pipelines\n\n[One](https://example.org/1)\n\n## Runners\n\n[Two](https://example.org/2)\n");

        var index = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);

        Assert.Equal("Pipelines · Runners", index.FindLesson("c", "en", 1).Lesson!.Summary);
        Assert.Equal(
            ["c/en/day01.md:2: warning: no summary: the outline of its sections or its video's title stands in"],
            index.Diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Load_SameCurriculumInTwoSources_LaterSourceWins()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        first.Write("x/curriculum.yaml", "id: x\n");
        first.Write("x/en/day01.md", "# From the first\n");
        second.Write("x/curriculum.yaml", "id: x\n");
        second.Write("x/en/day01.md", "# From the second\n");

        var index = ContentLoader.Load([new ContentSourceOptions { Path = first.Path }, new ContentSourceOptions { Path = second.Path }]);

        Assert.Equal("From the second", index.FindLesson("x", "en", 1).Lesson!.Title);
    }

    [Fact]
    public void Load_InvalidUtf8Lesson_WarnsAndReadsTheRest()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("2022/Days/day01.md", [.. "# Title \u00e9"u8, 0xFF, .. "\n\nA paragraph that is long enough to be a summary.\n"u8]);

        var index = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);

        Assert.StartsWith("Title é", index.FindLesson("2022", "en", 1).Lesson!.Title, StringComparison.Ordinal);
        Assert.Contains(index.Diagnostics, diagnostic => diagnostic.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }
}
