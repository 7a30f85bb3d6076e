using DevOps90.Bot.Content.Git;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Content.Tests.Sources;

/// <summary>A repository source against a git repository in a temp folder: cloned, fetched, kept when a fetch fails.</summary>
public sealed class RepositorySourceTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly RecordingLogs _logs = new();

    public void Dispose() => _data.Dispose();

    [SkippableFact]
    public void Library_NoCheckoutYet_ClonesTheBranchAndLoadsItsLessons()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var upstream = new LocalContentRepository();

        var refresher = Refresher(upstream.Path);
        var index = refresher.Library.Current;

        Assert.True(File.Exists(Path.Combine(Checkout, "2022", "en", "day01.md")));
        Assert.Equal("First steps", index.FindLesson("2022", "en", 1).Lesson?.Title);
        Assert.Matches("^[0-9a-f]{7}$", index.Version);
        Assert.Single(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(Checkout)!));
    }

    [SkippableFact]
    public void FetchAndReload_NewCommitUpstream_SwapsInAnIndexWithTheNewLesson()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var upstream = new LocalContentRepository();
        var refresher = Refresher(upstream.Path);
        var before = refresher.Library.Current;
        upstream.WriteLesson(2, "Second steps");
        var commit = upstream.Commit("Day 2");

        var changed = refresher.FetchAndReload();

        Assert.True(changed);
        Assert.NotSame(before, refresher.Library.Current);
        Assert.Equal("Second steps", refresher.Library.Current.FindLesson("2022", "en", 2).Lesson?.Title);
        Assert.Equal(commit[..7], refresher.Library.Current.Version);
        Assert.False(before.FindLesson("2022", "en", 2).IsFound);
    }

    [SkippableFact]
    public void FetchAndReload_NothingNewUpstream_KeepsTheSameIndex()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var upstream = new LocalContentRepository();
        var refresher = Refresher(upstream.Path);
        var before = refresher.Library.Current;

        Assert.False(refresher.FetchAndReload());
        Assert.Same(before, refresher.Library.Current);
    }

    [SkippableFact]
    public void FetchAndReload_RepositoryMovedAway_KeepsTheLastCheckoutAndLogsWhy()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var upstream = new LocalContentRepository();
        var refresher = Refresher(upstream.Path);
        var before = refresher.Library.Current;
        Directory.Move(upstream.Path, upstream.Path + "-moved");

        var changed = refresher.FetchAndReload();

        Assert.False(changed);
        Assert.Same(before, refresher.Library.Current);
        Assert.True(File.Exists(Path.Combine(Checkout, "2022", "en", "day01.md")));
        var problem = Assert.Single(_logs.Problems);
        Assert.Contains("could not fetch", problem.Message, StringComparison.Ordinal);
        Assert.Contains("is kept as it was", problem.Message, StringComparison.Ordinal);
        Assert.Contains("does not appear to be a git repository", problem.Message, StringComparison.Ordinal);
        Directory.Move(upstream.Path + "-moved", upstream.Path);
    }

    [SkippableFact]
    public void FetchAndReload_SourcePointedAtAnotherRepository_FetchesFromTheNewOne()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var first = new LocalContentRepository();
        Refresher(first.Path);
        // A fork with the same name: the checkout folder stays, so only its origin tells the two apart.
        using var fork = new LocalContentRepository();
        fork.WriteLesson(2, "Only in the fork");
        fork.Commit("Day 2");

        var refresher = Refresher(fork.Path);
        var changed = refresher.FetchAndReload();

        Assert.True(changed);
        Assert.Equal("Only in the fork", refresher.Library.Current.FindLesson("2022", "en", 2).Lesson?.Title);
        Assert.Empty(_logs.Problems);
    }

    [SkippableFact]
    public void Library_CloneFails_GoesOnWithTheOtherSourcesAndLeavesNoFolder()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var local = new TempFolder();
        local.Write("other/curriculum.yaml", "id: other\n");
        local.Write("other/en/day01.md", LocalContentRepository.Lesson(1, "Other"));

        var refresher = Refresher(Path.Combine(_data.Path, "no-such-repository"), new ContentSourceOptions { Path = local.Path });
        var index = refresher.Library.Current;

        Assert.Equal("other", Assert.Single(index.CurriculumIds));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Checkout)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(Checkout)!).Any());
        var problem = Assert.Single(_logs.Problems);
        Assert.Contains("could not clone", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(index.Diagnostics, diagnostic => diagnostic.Severity == Core.Curricula.DiagnosticSeverity.Error);
    }

    [SkippableFact]
    public void FetchAndReload_CloneFailedAtStartThenRepositoryAppears_ClonesAndReloads()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var upstream = new LocalContentRepository();
        Directory.Move(upstream.Path, upstream.Path + "-away");
        var refresher = Refresher(upstream.Path);
        Assert.Empty(refresher.Library.Current.Curricula);
        Directory.Move(upstream.Path + "-away", upstream.Path);

        Assert.True(refresher.FetchAndReload());
        Assert.Equal("First steps", refresher.Library.Current.FindLesson("2022", "en", 1).Lesson?.Title);
    }

    [Fact]
    public void InText_UrlWithCredentials_LosesThem()
    {
        var text = RedactedUrl.InText("fatal: could not read from https://bot:s3cret@example.org/org/repo.git (and http://token@host/x)");

        Assert.Equal("fatal: could not read from https://example.org/org/repo.git (and http://host/x)", text);
    }

    [Theory]
    [InlineData("https://github.com/MichaelCade/90DaysOfDevOps.git", "90DaysOfDevOps")]
    [InlineData("https://github.com/MichaelCade/90DaysOfDevOps/", "90DaysOfDevOps")]
    [InlineData("git@github.com:MichaelCade/90DaysOfDevOps.git", "90DaysOfDevOps")]
    [InlineData("/srv/mirrors/upstream", "upstream")]
    public void RepositoryName_UrlOrPath_IsItsLastPart(string repository, string expected) =>
        Assert.Equal(expected, RedactedUrl.RepositoryName(repository));

    [Fact]
    public void Run_GitExecutableMissing_FailsWithAReasonInsteadOfThrowing()
    {
        var result = new GitCommand("git-that-does-not-exist-here").Run(null, "--version");

        Assert.False(result.Succeeded);
        Assert.Contains("could not be started", result.Why, StringComparison.Ordinal);
    }

    private string Checkout => Path.Combine(_data.Path, "content", "upstream");

    private ContentRefresher Refresher(string repository, params ContentSourceOptions[] others) =>
        new(
            [.. others, new ContentSourceOptions { Repository = repository, Path = Checkout }],
            _data.Path,
            new GitCommand(),
            new FakeTimeProvider(),
            _logs.For<ContentRefresher>());
}
