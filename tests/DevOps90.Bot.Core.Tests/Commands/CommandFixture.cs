using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;
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
        Index = new CurriculumIndex([Curriculum("en", 6), Curriculum("fr", 3)]);
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

    private static readonly string[] _englishTitles = ["Introduction", "Responsibilities of a DevOps Engineer", "DevOps Lifecycle", "Kubernetes Basics", "Docker Compose", "Résumé Writing for Engineers"];
    private static readonly string[] _frenchTitles = ["Introduction", "Responsabilités d'un Ingénieur DevOps", "Cycle de vie DevOps"];

    public static Curriculum Curriculum(string language, int days) => new()
    {
        Id = "2022",
        Edition = "2022",
        Language = language,
        Title = language == "fr" ? "#90DaysOfDevOps (édition 2022)" : "#90DaysOfDevOps (2022 edition)",
        Licence = "CC BY-NC-SA 4.0",
        Attribution = "#90DaysOfDevOps by Michael Cade and contributors",
        SourceUrl = "https://github.com/MichaelCade/90DaysOfDevOps",
        Topics = language == "fr"
            ? [new Topic("Introduction", 1, 1), new Topic("Les bases", 2, 3), new Topic("Conteneurs", 4, 6)]
            : [new Topic("Introduction", 1, 1), new Topic("Basics", 2, 3), new Topic("Containers", 4, 6)],
        Lessons = [.. Enumerable.Range(1, days).Select(day => new Lesson
        {
            Day = day,
            Title = (language == "fr" ? _frenchTitles : _englishTitles)[day - 1],
            Topic = day == 1 ? "Introduction" : day <= 3 ? (language == "fr" ? "Les bases" : "Basics") : (language == "fr" ? "Conteneurs" : "Containers"),
            Summary = $"Summary of day {day} in {language}. It explains pipelines and containers.",
            KeyPoints = ["First point", "Second point"],
            Resources = [new Resource($"Video for day {day}", $"https://example.org/{day}/video"), new Resource("Shared guide", "https://example.org/guide")],
            LessonUrl = $"https://example.org/lessons/day{day:00}",
            Source = new SourceLocation($"{language}/day{day:00}.md", 1),
            PreviousDay = day > 1 ? day - 1 : null,
            NextDay = day < days ? day + 1 : null,
        })],
    };
}
