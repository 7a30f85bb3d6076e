using System.Collections.Immutable;
using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// The requests the command benchmarks send, and a dispatcher over the synthetic repository wired the way
/// StudyGroupSetup wires the host's, so a benchmark measures what a platform adapter calls.
/// </summary>
internal static class CommandScenarios
{
    /// <summary>A topic heading of the synthetic 2022.md (days 30-36); the generator seeds topic names by edition.</summary>
    public const string Topic2022 = "Node Monitor Secret";

    /// <summary>Two words of the small synthetic English word list, so many lessons match (all 90 are scored anyway).</summary>
    public const string SearchQuery = "secret volume";

    /// <summary>What a member has typed into an autocompleted option: a day's digits, a title word, part of a topic.</summary>
    public const string TypedDigits = "4";

    public const string TypedWord = "secret";

    public const string TypedTopic = "mon";

    public static CommandRequest Day42English { get; } = Request("day", "en", ("number", "42"));

    /// <summary>pt-br has days 1-9 only, so day 42 comes from English with a note saying so.</summary>
    public static CommandRequest Day42Fallback { get; } = Request("day", "pt-BR", ("number", "42"));

    public static CommandRequest ResourcesDay42 { get; } = Request("resources", "en", ("day", "42"));

    public static CommandRequest ResourcesTopic { get; } = Request("resources", "en", ("topic", Topic2022));

    public static CommandRequest SearchTwoWords { get; } = Request("search", "en", ("query", SearchQuery));

    public static CommandRequest DayTyping { get; } = Request("day", "en");

    public static CommandRequest ResourcesTyping { get; } = Request("resources", "en");

    public static CommandDispatcher CreateDispatcher()
    {
        var index = ContentLoader.Load([new ContentSourceOptions { Path = SyntheticRepository.EnsureInTempFolder() }]);
        var choices = new LessonChoices(index);
        CommandDispatcher? dispatcher = null;
        ICommandHandler[] handlers =
        [
            new DayCommand(index, choices),
            new TodayCommand(index),
            new TomorrowCommand(index),
            new ResourcesCommand(index, choices),
            new TopicsCommand(index),
            new SearchCommand(new LessonSearch(index)),
            new AboutCommand(index),
            new HelpCommand(() => dispatcher!.Commands),
        ];
        dispatcher = new CommandDispatcher(handlers, new InMemoryCohortDirectory([]), new BotDefaults("2022", "en", "Europe/Paris"), TimeProvider.System);
        return dispatcher;
    }

    private static CommandRequest Request(string command, string locale, params (string Name, string Value)[] options) => new()
    {
        Command = command,
        Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
        MemberId = "bench",
        UserLocale = locale,
    };
}
