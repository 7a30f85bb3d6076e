using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// Which lesson day "now" is for a member: the cohort's calendar, with a grace cutoff (04:00 by default) so a lesson
/// finished at 01:00 still counts for the evening before.
/// </summary>
public static class ParticipationClock
{
    public static readonly TimeOnly DefaultGraceCutoff = new(4, 0);

    /// <summary>The local date whose lesson is "today" at <paramref name="now"/>.</summary>
    public static DateOnly StudyDate(Cohort cohort, DateTimeOffset now, TimeOnly graceCutoff)
    {
        var local = TimeZoneInfo.ConvertTime(now, cohort.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) < graceCutoff ? date.AddDays(-1) : date;
    }

    /// <summary>The lesson day reached at <paramref name="now"/> (0 before the start).</summary>
    public static int CurrentDay(StudyCalendar calendar, DateTimeOffset now, TimeOnly graceCutoff) =>
        calendar.PositionOn(StudyDate(calendar.Cohort, now, graceCutoff)).LessonDay;
}
