using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>A reload swaps the index while commands run: new commands see the new one, running ones keep theirs.</summary>
public sealed class ContentSwapTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemoryCohortDirectory _cohorts = new([]);
    private readonly BotDefaults _defaults = new("2022", "en", "Europe/Paris");
    private readonly ContentLibrary _library = new(Index(3, "Before"));

    [Fact]
    public async Task Day_AfterASwap_ShowsTheNewLessonWithoutARestart()
    {
        var dispatcher = Dispatcher();
        var before = await dispatcher.DispatchAsync(Day(2));

        _library.Swap(Index(3, "After"));
        var after = await dispatcher.DispatchAsync(Day(2));

        Assert.Contains("Before 2", before.Title, StringComparison.Ordinal);
        Assert.Contains("After 2", after.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_SwapWhileTheCommandRuns_FinishesOnTheIndexItStartedWith()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var day = new DayCommand(_library, new LessonChoices(_library));
        var dispatcher = new CommandDispatcher([new Gated(day, entered, gate.Task)], _cohorts, _defaults, _time, _library);

        var running = dispatcher.DispatchAsync(Day(3)).AsTask();
        await entered.Task;
        _library.Swap(Index(2, "After"));
        gate.SetResult();
        var reply = await running;

        Assert.False(reply.IsError);
        Assert.Contains("Before 3", reply.Title, StringComparison.Ordinal);
        Assert.True((await dispatcher.DispatchAsync(Day(3))).IsError);
    }

    [Fact]
    public async Task Search_AfterASwap_FindsTheNewLessonsOnly()
    {
        var search = new LessonSearch(_library);
        var dispatcher = new CommandDispatcher([new SearchCommand(search)], _cohorts, _defaults, _time, _library);

        _library.Swap(Index(3, "Kubernetes"));
        var reply = await dispatcher.DispatchAsync(new CommandRequest
        {
            Command = CommandNames.Search,
            Options = ImmutableDictionary<string, string>.Empty.Add("query", "kubernetes"),
        });

        Assert.Equal(3, search.Search("2022", "en", "kubernetes").Count);
        Assert.Empty(search.Search(Index(3, "Before"), "2022", "en", "kubernetes"));
        Assert.Contains("Kubernetes 1", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ImplicitConversion_FixedIndex_IsALibraryHoldingIt()
    {
        var index = Index(1, "Fixed");
        ContentLibrary library = index;

        Assert.Same(index, library.Current);
    }

    private CommandDispatcher Dispatcher() =>
        new([new DayCommand(_library, new LessonChoices(_library))], _cohorts, _defaults, _time, _library);

    private static CommandRequest Day(int day) => new()
    {
        Command = CommandNames.Day,
        Options = ImmutableDictionary<string, string>.Empty.Add("number", day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static CurriculumIndex Index(int days, string titles)
    {
        var sample = SampleCurriculum.Make("en", days);
        return new CurriculumIndex([sample with
        {
            Lessons = [.. sample.Lessons.Select(lesson => lesson with { Title = $"{titles} {lesson.Day}" })],
        }]);
    }

    /// <summary>Holds the command between its start and its work, so a test can swap the index in between.</summary>
    private sealed class Gated(ICommandHandler inner, TaskCompletionSource entered, Task gate) : ICommandHandler
    {
        public CommandDefinition Definition => inner.Definition;

        public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
        {
            entered.TrySetResult();
            await gate;
            return await inner.HandleAsync(scope, cancellationToken);
        }

        public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) => [];
    }
}

public sealed class DailyPostComposerIndexTests
{
    [Fact]
    public void Compose_WithTheIndexThePostWasPlannedWith_UsesIt_EvenAfterASwap()
    {
        var planned = new CurriculumIndex([SampleCurriculum.Make("en", 6)]);
        var renamed = SampleCurriculum.Make("en", 6) is var curriculum
            ? curriculum with { Lessons = [.. curriculum.Lessons.Select(lesson => lesson with { Title = "Renamed " + lesson.Title })] }
            : null;
        var library = new ContentLibrary(planned);
        var composer = new DailyPostComposer(library, new BotDefaults("2022", "en", "Europe/Paris"));
        var cohort = new Cohort { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2027, 1, 1), TimeZoneId = "Europe/Paris", Target = ChatTarget.Console };
        var calendar = new StudyCalendar(cohort, 6);
        var post = PostPlanner.PostOn(calendar, new DateOnly(2027, 1, 1))!;

        library.Swap(new CurriculumIndex([renamed!]));
        var reply = composer.Compose(calendar, post, planned);

        Assert.DoesNotContain("Renamed", reply.Title, StringComparison.Ordinal);
        Assert.Contains("Renamed", composer.Compose(calendar, post).Title, StringComparison.Ordinal);
    }
}
