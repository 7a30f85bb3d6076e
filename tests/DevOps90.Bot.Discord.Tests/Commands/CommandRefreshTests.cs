using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Discord.Commands;
using DevOps90.Bot.Discord.Tests.Rest;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Tests.Commands;

public sealed class CommandRefreshTests
{
    [Fact]
    public async Task Swap_ContentWithMoreDays_RegistersTheCommandsAgainWithTheNewLastDay()
    {
        var rest = new RestHarness();
        var library = new ContentLibrary(new CurriculumIndex([SampleCurriculum.Make("en", 6)]));
        var dispatcher = new CommandDispatcher(
            [new DayCommand(library.Current, new LessonChoices(library.Current))],
            new InMemoryCohortDirectory([]),
            new BotDefaults("2022", "en", "Europe/Paris"),
            TimeProvider.System);
        var options = Options.Create(new DiscordOptions { Token = RestHarness.BotToken, ApplicationId = "1325000000000000000" });
        var registrar = new CommandRegistrar(rest.Client, dispatcher, library, options, NullLogger<CommandRegistrar>.Instance);
        using var refresh = new CommandRefresh(library, registrar, options);
        await refresh.StartAsync(CancellationToken.None);

        library.Swap(new CurriculumIndex([SampleCurriculum.Make("en", 6) with { Lessons = [.. SampleCurriculum.Make("en", 6).Lessons, .. Extra(7, 9)] }]));
        // Up to 30 s: the registration runs in the background on the swap's notification, and the 5 s this allowed
        // before could run out on a loaded machine.
        for (var attempt = 0; attempt < 1_200 && !rest.Handler.Requests.Any(request => request.Method == HttpMethod.Put); attempt++)
        {
            await Task.Delay(25);
        }

        await refresh.StopAsync(CancellationToken.None);
        var put = Assert.Single(rest.Handler.Requests, request => request.Method == HttpMethod.Put);
        Assert.Contains("\"max_value\":9", put.Body, StringComparison.Ordinal);
    }

    private static IEnumerable<Lesson> Extra(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(day => SampleCurriculum.Make("en", 6).Lessons[0] with { Day = day, Title = $"Extra {day}" });
}
