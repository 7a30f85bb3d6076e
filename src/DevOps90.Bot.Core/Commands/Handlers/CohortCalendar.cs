using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>The calendar of the channel's cohort, for commands that only make sense inside a study group.</summary>
internal static class CohortCalendar
{
    /// <summary>Null with the calendar, or the reply that explains why there is none.</summary>
    public static Reply? For(CurriculumIndex index, RequestScope scope, out StudyCalendar calendar)
    {
        calendar = null!;
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(scope.Text["Error.NoCohort"]);
        }

        var curriculum = index.FindBest(cohort.CurriculumId, scope.Language);
        if (curriculum is null)
        {
            return Reply.Error(scope.Text.Format("Error.NoCurriculum", cohort.CurriculumId));
        }

        calendar = new StudyCalendar(cohort, index.EditionRange(curriculum).Last);
        return null;
    }

    public static string StartsIn(BotText text, int days, DateOnly today) =>
        days == 1
            ? text.Format("Cohort.NotStarted.One", text.Date(today.AddDays(1), today))
            : text.Format("Cohort.NotStarted.Other", days, text.Date(today.AddDays(days), today));
}
