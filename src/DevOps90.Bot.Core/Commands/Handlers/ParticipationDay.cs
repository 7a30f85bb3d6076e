using System.Globalization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>The optional day of /done and /undo: absent means the current lesson.</summary>
internal static class ParticipationDay
{
    /// <summary>
    /// The cohort of the channel and the day asked for, or the reply that says why there is none: what /done and
    /// /undo both need before they act.
    /// </summary>
    public static bool TryResolve(RequestScope scope, ParticipationService participation, out Cohorts.Cohort cohort, out int? day, out Reply error)
    {
        day = null;
        if (scope.Cohort is not { } found)
        {
            cohort = null!;
            error = Reply.Error(scope.Text["Error.NoCohort"]);
            return false;
        }

        cohort = found;
        return TryRead(scope, participation.LastDay(found), out day, out error);
    }

    /// <summary>"The study group has not started yet: day 1 is on Friday 1 January 2027."</summary>
    public static Reply NotStarted(RequestScope scope, ParticipationService participation, Cohorts.Cohort cohort) =>
        participation.DateOfLesson(cohort, 1) is { } first
            ? Reply.Error(scope.Text.Format("Done.NotStarted", scope.Text.Date(first, scope.Today)))
            : Reply.Error(scope.Text["Cohort.Paused"]);

    public static bool TryRead(RequestScope scope, int lastDay, out int? day, out Reply error)
    {
        day = null;
        error = null!;
        if (scope.Request.Option("day") is not { } raw)
        {
            return true;
        }

        if (int.TryParse(raw.TrimStart('#'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            day = parsed;
            return true;
        }

        error = Reply.Error(scope.Text.Format("Error.DayNotANumber", Quoted.Cap(raw), 1, lastDay));
        return false;
    }
}
