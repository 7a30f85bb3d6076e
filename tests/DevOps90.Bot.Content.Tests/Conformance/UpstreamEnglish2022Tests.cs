using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Content.Tests.Conformance;

/// <summary>The real upstream English 2022 edition, as shared/corpus holds it.</summary>
public sealed class UpstreamEnglish2022Tests
{
    private static readonly Lazy<CurriculumIndex> _index = new(() => Bundled.BundledCurriculum.Upstream);

    [SkippableFact]
    public void Load_Corpus_IndexesAll90DaysWithoutErrors()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        var curriculum = Assert.Single(_index.Value.Curricula);

        Assert.Equal(("2022", "en"), (curriculum.Id, curriculum.Language));
        Assert.Equal(Enumerable.Range(1, 90), curriculum.Lessons.Select(lesson => lesson.Day));
        Assert.DoesNotContain(_index.Value.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [SkippableFact]
    public void Load_Corpus_EveryDayHasTitleSummaryAndResources()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        var problems = _index.Value.Curricula[0].Lessons
            .Where(lesson => lesson.Title.StartsWith("Day ", StringComparison.Ordinal)
                || lesson.Summary.Length < 40
                || lesson.Resources.IsEmpty)
            .Select(lesson => $"day {lesson.Day}: title '{lesson.Title}', summary {lesson.Summary.Length} chars, {lesson.Resources.Length} resources")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public void Load_Corpus_SummariesAreCutNearThreeHundredCharacters()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        var tooLong = _index.Value.Curricula[0].Lessons.Where(lesson => lesson.Summary.Length > 450).Select(lesson => lesson.Day).ToList();

        Assert.Empty(tooLong);
    }

    [SkippableFact]
    public void Load_Corpus_TopicsComeFromTheEditionIndex()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        var curriculum = _index.Value.Curricula[0];

        var programming = curriculum.TopicOf(7)!;

        Assert.Equal(("Learning a Programming Language", 7, 13), (programming.Name, programming.FirstDay, programming.LastDay));
        Assert.Equal(13, curriculum.Topics.Length);
        Assert.Equal(2, curriculum.Topics[0].FirstDay);
        Assert.Equal(90, curriculum.Topics[^1].LastDay);
        Assert.All(Enumerable.Range(2, 89), day => Assert.NotNull(curriculum.FindDay(day)!.Topic));
    }

    [SkippableFact]
    public void Load_Corpus_NavigationFollowsExistingDaysNotClosingLinks()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        var curriculum = _index.Value.Curricula[0];

        Assert.All(curriculum.Lessons, lesson =>
        {
            Assert.Equal(lesson.Day == 1 ? null : lesson.Day - 1, lesson.PreviousDay);
            Assert.Equal(lesson.Day == 90 ? null : lesson.Day + 1, lesson.NextDay);
        });
    }

    [SkippableFact]
    public void Load_Corpus_ResourcesAreAbsoluteAndUnique()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        Assert.All(_index.Value.Curricula[0].Lessons, lesson =>
        {
            Assert.All(lesson.Resources, resource => Assert.True(Uri.IsWellFormedUriString(resource.Url, UriKind.Absolute) || Uri.TryCreate(resource.Url, UriKind.Absolute, out _), resource.Url));
            Assert.Equal(lesson.Resources.Length, lesson.Resources.Select(resource => resource.Url).Distinct().Count());
            Assert.DoesNotContain(lesson.Resources, resource => resource.Title.Contains('\n', StringComparison.Ordinal));
        });
    }
}
