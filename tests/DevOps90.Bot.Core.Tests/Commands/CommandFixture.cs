using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>A small two-language curriculum, one cohort per cadence, a fake clock, and every handler wired up.</summary>
internal sealed class CommandFixture
{
    public static readonly CohortId Daily = new("daily");
    public static readonly CohortId Weekdays = new("weekdays");
    public static readonly CohortId Paused = new("paused");

    public CommandFixture(string now = "2027-01-03T12:00:00Z")
    {
        Time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        Cohorts = new InMemoryCohortDirectory([
            Cohort(Daily, "2027-01-01", Cadence.Daily),
            Cohort(Weekdays, "2027-01-04", Cadence.Weekdays),
            Cohort(Paused, "2027-01-01", Cadence.Daily).PausedFrom(new DateOnly(2027, 1, 3)),
        ]);
        var choices = new LessonChoices(Index);
        CommandDispatcher? dispatcher = null;
        dispatcher = new CommandDispatcher(
            [
                new DayCommand(Index, choices), new TodayCommand(Index), new TomorrowCommand(Index),
                new ResourcesCommand(Index, choices), new TopicsCommand(Index), new SearchCommand(new LessonSearch(Index)),
                new HelpCommand(() => dispatcher!.Commands), new AboutCommand(Index),
            ],
            Cohorts,
            new BotDefaults("2022", "en", "Europe/Paris"),
            Time);
        Dispatcher = dispatcher;
    }

    public FakeTimeProvider Time { get; }

    public CurriculumIndex Index { get; }

    public InMemoryCohortDirectory Cohorts { get; }

    public CommandDispatcher Dispatcher { get; }

    public Reply Ask(string command, string? language = null, CohortId? cohort = null, params (string Name, string Value)[] options) =>
        Dispatcher.DispatchAsync(new CommandRequest
        {
            Command = command,
            Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
            CohortId = cohort,
            UserLocale = language,
        }).AsTask().GetAwaiter().GetResult();

    public IReadOnlyList<AutocompleteChoice> Complete(string command, string option, string typed, string? language = null) =>
        Dispatcher.Complete(new CommandRequest { Command = command, UserLocale = language }, option, typed);

    private static Cohort Cohort(CohortId id, string start, Cadence cadence) => new()
    {
        Id = id,
        CurriculumId = "2022",
        StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        TimeZoneId = "Europe/Paris",
        Cadence = cadence,
    };
}
