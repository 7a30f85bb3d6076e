using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/today</c>: where the channel's study group stands today, and that day's lesson.</summary>
public sealed class TodayCommand(ContentLibrary content) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Today, []);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Answer(scope));

    private Reply Answer(RequestScope scope)
    {
        if (CohortCalendar.For(Index(scope), scope, out var calendar) is { } error)
        {
            return error;
        }

        var position = calendar.PositionOn(scope.Today);
        var text = scope.Text;
        switch (position.Phase)
        {
            case CalendarPhase.NotStarted:
                return Reply.Text(CohortCalendar.StartsIn(text, position.DaysUntilStart, scope.Today));
            case CalendarPhase.Finished:
                return Reply.Text(text.Format("Cohort.Finished", calendar.LastDay));
        }

        var notes = new List<ReplyParagraph>();
        if (calendar.Cohort.IsPaused)
        {
            notes.Add(text["Cohort.Paused"]);
        }
        else if (!position.IsStudyDay && calendar.NextStudyDay(scope.Today) is { } next)
        {
            notes.Add(text.Format("Cohort.RestDay", text.Date(next, scope.Today), position.LessonDay + 1));
        }

        var lookup = Index(scope).FindLesson(scope.CurriculumId, scope.Language, position.LessonDay);
        return lookup.IsFound
            ? LessonReplies.Lesson(text, lookup, scope.Language, calendar.LastDay, notes: notes)
            : Reply.Error(text.Format("Error.DayNotWritten", position.LessonDay));
    }

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
