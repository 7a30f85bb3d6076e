using DevOps90.Bot.Content.Git;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Content.Tests.Sources;

/// <summary>A local folder source edited while the bot runs: reloaded, a broken file keeping its previous lesson.</summary>
public sealed class ContentReloadTests : IDisposable
{
    private readonly TempFolder _content = new();
    private readonly RecordingLogs _logs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 3, 12, 0, 0, TimeSpan.Zero));

    public ContentReloadTests()
    {
        _content.Write("2022/curriculum.yaml", "id: \"2022\"\ntitles:\n  en: Test\n");
        _content.Write("2022/en/day01.md", LocalContentRepository.Lesson(1, "First steps"));
        _content.Write("2022/en/day02.md", LocalContentRepository.Lesson(2, "Second steps"));
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Reload_FileEdited_SwapsInTheNewLessonAndDatesTheVersion()
    {
        var refresher = Refresher();
        var before = refresher.Library.Current;
        _time.Advance(TimeSpan.FromMinutes(5));
        _content.Write("2022/en/day02.md", LocalContentRepository.Lesson(2, "Second steps, rewritten"));

        refresher.Reload();

        var after = refresher.Library.Current;
        Assert.Equal("Second steps", before.FindLesson("2022", "en", 2).Lesson?.Title);
        Assert.Equal("Second steps, rewritten", after.FindLesson("2022", "en", 2).Lesson?.Title);
        Assert.Equal("2027-01-03 12:00:00 UTC", before.Version);
        Assert.Equal("2027-01-03 12:05:00 UTC", after.Version);
    }

    [Fact]
    public void Reload_FileBrokenByAnEdit_KeepsItsPreviousLessonAndReportsFileAndLine()
    {
        var refresher = Refresher();
        Assert.Equal("Second steps", refresher.Library.Current.FindLesson("2022", "en", 2).Lesson?.Title);
        _content.Write("2022/en/day02.md", "---\nday: 2\ntitle: Half written\n\n# Half");
        _content.Write("2022/en/day01.md", LocalContentRepository.Lesson(1, "First steps, rewritten"));

        refresher.Reload();

        var index = refresher.Library.Current;
        Assert.Equal("Second steps", index.FindLesson("2022", "en", 2).Lesson?.Title);
        Assert.Equal("First steps, rewritten", index.FindLesson("2022", "en", 1).Lesson?.Title);
        var error = Assert.Single(index.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Equal("2022/en/day02.md:1", error.Location.ToString());
        Assert.Contains(index.Diagnostics, diagnostic => diagnostic.Message.Contains("loaded before this change is kept", StringComparison.Ordinal));
        Assert.Contains(_logs.Problems, entry => entry.Message.StartsWith("Content 2022/en/day02.md:1: the front matter", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_BrokenFileFixed_ServesTheFixedLesson()
    {
        var refresher = Refresher();
        Assert.NotNull(refresher.Library.Current);
        _content.Write("2022/en/day02.md", "---\ntitle: Half written\n");
        refresher.Reload();
        _content.Write("2022/en/day02.md", LocalContentRepository.Lesson(2, "Second steps, fixed"));

        refresher.Reload();

        Assert.Equal("Second steps, fixed", refresher.Library.Current.FindLesson("2022", "en", 2).Lesson?.Title);
        Assert.DoesNotContain(refresher.Library.Current.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Watcher_FolderEdited_ReloadsOnceTheEditsAreQuiet()
    {
        var refresher = Refresher();
        var swapped = new TaskCompletionSource<CurriculumIndex>(TaskCreationOptions.RunContinuationsAsynchronously);
        refresher.Library.Swapped += (_, index) => swapped.TrySetResult(index);
        using var watcher = new ContentWatcher(refresher, Options.Create(new ContentOptions()), _time);
        await watcher.StartAsync(CancellationToken.None);

        _content.Write("2022/en/day03.md", LocalContentRepository.Lesson(3, "Third steps"));
        // The debounce waits on the fake clock: move it on until the watcher has seen the edit and reloaded.
        // (A bounded number of rounds, about the logs' patience in all, so a watcher that never reloads fails.)
        for (var round = 0; round < 200 && !swapped.Task.IsCompleted; round++)
        {
            _time.Advance(ContentWatcher.Debounce);
            await Task.WhenAny(swapped.Task, Task.Delay(50));
        }

        await watcher.StopAsync(CancellationToken.None);
        var reloaded = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("Third steps", reloaded.FindLesson("2022", "en", 3).Lesson?.Title);
    }

    private ContentRefresher Refresher() =>
        new([new ContentSourceOptions { Path = _content.Path }], _content.Path, new GitCommand(), _time, _logs.For<ContentRefresher>());
}
