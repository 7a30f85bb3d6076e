using System.Collections.Immutable;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Content;

/// <summary>The whole bot on a repository source: cloned at start, and a new upstream lesson served without a restart.</summary>
public sealed class ContentReloadHostTests
{
    [SkippableFact]
    public async Task Start_RepositorySource_ClonesThenServesANewUpstreamLessonAfterTheFetch()
    {
        Skip.If(LocalContentRepository.IsGitMissing, LocalContentRepository.SkipReason);
        using var upstream = new LocalContentRepository();
        await using var host = new TestHost([
            "--Content:Sources:0:Path=",
            $"--Content:Sources:0:Repository={upstream.Path}",
            // Fetched every moment, so the test waits on the swap, not on a day.
            "--Content:FetchInterval=00:00:00.2",
        ]);
        await host.App.StartAsync();
        var library = host.Services.GetRequiredService<ContentLibrary>();
        var dispatcher = host.Services.GetRequiredService<CommandDispatcher>();
        var swapped = new TaskCompletionSource<CurriculumIndex>(TaskCreationOptions.RunContinuationsAsynchronously);
        library.Swapped += (_, index) => swapped.TrySetResult(index);
        var before = await dispatcher.DispatchAsync(Day(2));

        upstream.WriteLesson(2, "Second steps");
        var commit = upstream.Commit("Day 2");
        var reloaded = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var after = await dispatcher.DispatchAsync(Day(2));
        await host.App.StopAsync();

        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "content", "upstream", "2022", "en", "day01.md")));
        Assert.True(before.IsError);
        Assert.Equal(commit[..7], reloaded.Version);
        Assert.False(after.IsError);
        Assert.Contains("Second steps", after.Title, StringComparison.Ordinal);
    }

    private static CommandRequest Day(int day) => new()
    {
        Command = CommandNames.Day,
        Options = ImmutableDictionary<string, string>.Empty.Add("number", day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        UserLocale = "en",
    };
}
