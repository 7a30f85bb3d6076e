using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/resources [day] [topic]</c>: the links of one day (default: the cohort's today) or of a whole topic.</summary>
public sealed class ResourcesCommand(ContentLibrary content, LessonChoices choices) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Resources, [
        new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1),
        new CommandOption("topic", OptionKind.Text, Autocomplete: true),
    ]);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(scope.Request.Option("topic") is { } topic ? ForTopic(scope, topic) : ForDay(scope));

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) => optionName switch
    {
        "day" => choices.Days(scope, typed),
        "topic" => choices.Topics(scope, typed),
        _ => [],
    };

    private Reply ForDay(RequestScope scope)
    {
        var raw = scope.Request.Option("day") ?? TodaysDay(scope);
        if (DayOption.Resolve(Index(scope), scope, raw, out var day) is { } error)
        {
            return error;
        }

        var lesson = Index(scope).FindLesson(scope.CurriculumId, scope.Language, day).Lesson!;
        return new Reply
        {
            Title = scope.Text.Format("Resources.DayTitle", day, lesson.Title),
            TitleUrl = lesson.LessonUrl,
            Paragraphs = lesson.Resources.IsEmpty ? [scope.Text["Resources.None"]] : [],
            LinkLists = LessonReplies.ResourceLinks(scope.Text, lesson),
        };
    }

    private Reply ForTopic(RequestScope scope, string topicName)
    {
        var lessons = Index(scope).LessonsOfTopic(scope.CurriculumId, scope.Language, topicName);
        if (lessons.IsEmpty)
        {
            return Reply.Error(scope.Text.Format("Error.TopicNotFound", Quoted.Cap(topicName)));
        }

        var topic = lessons[0].Topic ?? topicName;
        return new Reply
        {
            Title = lessons[0].Day == lessons[^1].Day
                ? scope.Text.Format("Resources.TopicTitle.One", topic, lessons[0].Day)
                : scope.Text.Format("Resources.TopicTitle", topic, lessons[0].Day, lessons[^1].Day),
            LinkLists = FirstAppearances(scope.Text, lessons),
        };
    }

    /// <summary>
    /// One list per day of the topic, each link (by URL) under the first day that gives it: lessons of a topic often
    /// repeat the same guides, which would otherwise fill the reply day after day. Days with no new link are left out.
    /// </summary>
    private static ImmutableArray<ReplyLinkList> FirstAppearances(Localization.BotText text, IEnumerable<Lesson> lessons)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. lessons
            .Select(lesson => new ReplyLinkList(
                text.Format("Topics.Day", lesson.Day, lesson.Title),
                [.. lesson.Resources.Where(resource => seen.Add(resource.Url)).Select(resource => new ReplyLink(resource.Title, resource.Url))]))
            .Where(list => !list.Links.IsEmpty)];
    }

    /// <summary>The cohort's current lesson, or null outside a cohort (then the day is required).</summary>
    private string? TodaysDay(RequestScope scope)
    {
        if (scope.Cohort is null || CohortCalendar.For(Index(scope), scope, out var calendar) is not null)
        {
            return null;
        }

        var position = calendar.PositionOn(scope.Today);
        return position.Phase == CalendarPhase.NotStarted ? "1" : position.LessonDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
