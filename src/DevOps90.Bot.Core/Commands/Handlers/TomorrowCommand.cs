using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/tomorrow</c>: the lesson of the next study day (on a Friday, Monday's for a weekday cohort).</summary>
public sealed class TomorrowCommand(ContentLibrary content) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Tomorrow, []);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Answer(scope));

    private Reply Answer(RequestScope scope)
    {
        if (CohortCalendar.For(Index(scope), scope, out var calendar) is { } error)
        {
            return error;
        }

        var text = scope.Text;
        if (calendar.Cohort.IsPaused)
        {
            return Reply.Text(text["Cohort.Paused"]);
        }

        if (calendar.NextStudyDay(scope.Today) is not { } next || calendar.PositionOn(next) is { Phase: CalendarPhase.Finished })
        {
            return Reply.Text(text["Cohort.NoMoreDays"]);
        }

        var day = calendar.PositionOn(next).LessonDay;
        var lookup = Index(scope).FindLesson(scope.CurriculumId, scope.Language, day);
        return lookup.IsFound
            ? LessonReplies.Lesson(text, lookup, scope.Language, calendar.LastDay, notes: [text.Format("Cohort.NextStudyDay", text.Date(next, scope.Today))])
            : Reply.Error(text.Format("Error.DayNotWritten", day));
    }

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
