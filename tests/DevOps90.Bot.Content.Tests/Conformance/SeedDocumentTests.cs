using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Content.Tests.Conformance;

/// <summary>The document the project was created from: day 2 in French, with front matter that is not valid YAML.</summary>
public sealed class SeedDocumentTests
{
    [SkippableFact]
    public void Load_SeedAsFrenchDay2_ReadsTitleSummaryAndFiveResources()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        using var checkout = new TempFolder();
        checkout.WriteBytes("2022/fr/Days/day02.md", File.ReadAllBytes(RepositoryPaths.SeedFile));

        var index = ContentLoader.Load([new ContentSourceOptions { Path = checkout.Path }]);

        var lookup = index.FindLesson("2022", "fr", 2);
        var lesson = lookup.Lesson!;
        Assert.Equal("fr", lookup.Curriculum!.Language);
        Assert.Equal(2, lesson.Day);
        Assert.Equal("Responsabilités d'un Ingénieur DevOps", lesson.Title);
        Assert.Equal(
            [
                "https://www.youtube.com/watch?v=0yWAtQ6wYNM",
                "https://www.youtube.com/watch?v=kBV8gPVZNEE",
                "https://www.youtube.com/watch?v=UbtB4sMaaNM",
                "https://aws.amazon.com/devops/what-is-devops/",
                "https://docs.microsoft.com/en-us/devops/what-is-devops",
            ],
            lesson.Resources.Select(resource => resource.Url));
        Assert.Equal("Qu'est-ce que DevOps ? - TechWorld avec Nana", lesson.Resources[0].Title);
        Assert.StartsWith("Cela a été brièvement abordé", lesson.Summary, StringComparison.Ordinal);
        Assert.InRange(lesson.Summary.Length, 40, 300);
        Assert.DoesNotContain("\\", lesson.Title, StringComparison.Ordinal);

        var warning = Assert.Single(index.Diagnostics);
        Assert.Equal("2022/fr/Days/day02.md", warning.Location.File);
        Assert.Equal(2, warning.Location.Line);
    }
}
