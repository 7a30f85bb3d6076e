using System.Text.RegularExpressions;
using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Content.Tests.Bundled.BundledCurriculum;

namespace DevOps90.Bot.Content.Tests.Bundled;

/// <summary>
/// Facts taken from upstream are exact (nothing invented, nothing lost), and the prose is our own: no summary or key
/// point sentence of eight words or more repeats a sentence of the upstream lessons.
/// </summary>
public sealed partial class UpstreamFidelityTests
{
    [SkippableFact]
    public void Resources_EachDay_AreExactlyTheUpstreamResourcesInOrder()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        var upstream = Upstream.Find("2022", "en")!;

        var differences = English.Lessons
            .Select(lesson => (lesson.Day, Ours: lesson.Resources.Select(resource => resource.Url).ToList(), Theirs: upstream.FindDay(lesson.Day)!.Resources.Select(resource => resource.Url).ToList()))
            .Where(day => !day.Ours.SequenceEqual(day.Theirs))
            .Select(day => $"day {day.Day}: invented [{string.Join(", ", day.Ours.Except(day.Theirs))}] lost [{string.Join(", ", day.Theirs.Except(day.Ours))}]")
            .ToList();

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [SkippableFact]
    public void Titles_English_MatchTheUpstreamIndex()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        var indexText = SourceText.Decode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Corpus, "2022.md")), out _);
        var indexTitles = EditionIndexParser.Parse(indexText, (_, _) => { }).ToDictionary(entry => entry.Day, entry => entry.Title);

        var differences = English.Lessons
            .Where(lesson => indexTitles.GetValueOrDefault(lesson.Day) != lesson.Title)
            .Select(lesson => $"day {lesson.Day}: '{lesson.Title}' vs index '{indexTitles.GetValueOrDefault(lesson.Day)}'")
            .ToList();

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [SkippableFact]
    public void Summaries_NoSentenceRepeatsAnUpstreamSentence()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        var upstreamSentences = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, "2022", "Days"), "day*.md")
            .SelectMany(path => Sentences(File.ReadAllText(path)))
            .ToHashSet(StringComparer.Ordinal);

        var repeated = English.Lessons
            .SelectMany(lesson => Sentences(lesson.Summary).Concat(lesson.KeyPoints.SelectMany(Sentences)).Select(sentence => (lesson.Day, sentence)))
            .Where(item => upstreamSentences.Contains(item.sentence))
            .Select(item => $"day {item.Day}: {item.sentence}")
            .ToList();

        Assert.NotEmpty(upstreamSentences);
        Assert.True(repeated.Count == 0, string.Join("\n", repeated));
    }

    [SkippableFact]
    public void Summaries_ShareNoRunOfTwelveWordsWithUpstream()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);
        const int RunLength = 12;
        var upstreamRuns = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, "2022", "Days"), "day*.md")
            .SelectMany(path => Runs(Words(File.ReadAllText(path)), RunLength))
            .ToHashSet(StringComparer.Ordinal);

        var shared = English.Lessons
            .SelectMany(lesson => Runs(Words(lesson.Summary + " " + string.Join(" ", lesson.KeyPoints)), RunLength).Select(run => (lesson.Day, run)))
            .Where(item => upstreamRuns.Contains(item.run))
            .Select(item => $"day {item.Day}: {item.run}")
            .ToList();

        Assert.True(shared.Count == 0, string.Join("\n", shared));
    }

    /// <summary>Sentences of eight words or more, lower case, letters and digits only, single-spaced.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text)
            .Select(sentence => string.Join(' ', Words(sentence)))
            .Where(sentence => sentence.Count(character => character == ' ') >= 7);

    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(match => match.Value)];

    private static IEnumerable<string> Runs(List<string> words, int length) =>
        Enumerable.Range(0, Math.Max(0, words.Count - length + 1)).Select(start => string.Join(' ', words.GetRange(start, length)));

    [GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n|\n[-*]\s")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
