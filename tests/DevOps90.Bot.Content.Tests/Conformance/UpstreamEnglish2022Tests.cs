using System.Text.RegularExpressions;
using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Testing;
using Xunit.Abstractions;

namespace DevOps90.Bot.Content.Tests.Conformance;

/// <summary>The real upstream English 2022 edition, as shared/corpus holds it.</summary>
public sealed partial class UpstreamEnglish2022Tests(ITestOutputHelper output)
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

    [SkippableFact]
    public void Load_Corpus_NoEmptySummaryNoPlaceholderTitleNoCutShortLink()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        var lessons = _index.Value.Curricula[0].Lessons;

        var emptySummaries = lessons.Where(lesson => lesson.Summary.Length == 0).Select(lesson => lesson.Day).ToList();
        var placeholderTitles = lessons.Where(lesson => lesson.Title == $"Day {lesson.Day}").Select(lesson => lesson.Day).ToList();
        var cutShort = lessons.SelectMany(lesson => lesson.Resources)
            .Where(resource => resource.Url.EndsWith("...", StringComparison.Ordinal) || resource.Url.EndsWith('…'))
            .Select(resource => resource.Url)
            .ToList();
        output.WriteLine($"{lessons.Length} lessons, {lessons.Sum(lesson => lesson.Resources.Length)} resources, "
            + $"{_index.Value.Diagnostics.Length} diagnostics");

        Assert.Equal((0, 0, 0), (emptySummaries.Count, placeholderTitles.Count, cutShort.Count));
    }

    /// <summary>
    /// An oracle independent of Markdig: every address written on a line under a resources heading of the source is
    /// among the lesson's resources, whole (a resource may be longer when the line scan stops at a parenthesis), and
    /// every resource address is written as such somewhere in its file.
    /// </summary>
    [SkippableFact]
    public void Load_Corpus_EveryResourceLinkIntact()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        var problems = new List<string>();
        foreach (var lesson in _index.Value.Curricula[0].Lessons)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "2022", "Days", $"day{lesson.Day:00}.md"));
            var urls = lesson.Resources.Select(resource => resource.Url).ToList();
            problems.AddRange(AddressesUnderResourcesHeadings(text)
                .Where(written => !urls.Any(url => url.StartsWith(written, StringComparison.Ordinal)))
                .Select(written => $"day {lesson.Day}: lost {written}"));
            problems.AddRange(urls
                .Where(url => !text.Contains(url, StringComparison.Ordinal) && !text.Contains(url.Replace("&", "&amp;", StringComparison.Ordinal), StringComparison.Ordinal))
                .Select(url => $"day {lesson.Day}: altered {url}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> AddressesUnderResourcesHeadings(string text)
    {
        int? resourcesLevel = null;
        var inFence = false;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            inFence ^= line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (!inFence && AtxHeading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Length;
                if (HeadingVocabulary.IsResources(heading.Groups[2].Value))
                {
                    resourcesLevel ??= level;
                }
                else if (level <= resourcesLevel)
                {
                    resourcesLevel = null;
                }

                continue;
            }

            if (resourcesLevel is not null && !inFence)
            {
                foreach (Match address in Address().Matches(line))
                {
                    yield return address.Value.TrimEnd('.', ',', ';', ':');
                }
            }
        }
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"https?://[^\s<>()\[\]""'`]+")]
    private static partial Regex Address();
}
