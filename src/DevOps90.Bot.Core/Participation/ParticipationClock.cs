using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// Which lesson day "now" is for a member: the cohort's calendar, with a grace cutoff (04:00 by default) so a lesson
/// finished at 01:00 still counts for the evening before.
/// </summary>
public static class ParticipationClock
{
    public static readonly TimeOnly DefaultGraceCutoff = new(4, 0);

    private const long MillisecondsPerDay = 24 * 60 * 60 * 1000;

    /// <summary>The local date whose lesson is "today" at <paramref name="now"/>.</summary>
    public static DateOnly StudyDate(Cohort cohort, DateTimeOffset now, TimeOnly graceCutoff)
    {
        var local = TimeZoneInfo.ConvertTime(now, cohort.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) < graceCutoff ? date.AddDays(-1) : date;
    }

    /// <summary>
    /// The first instant whose local date in <paramref name="zone"/> is <paramref name="date"/> or later, so "local date
    /// of a check-in &gt;= date" can be asked of stored instants. Found by bisection (to the millisecond, the stores'
    /// precision) because local midnight may fall in a clock change's gap; that relies on local dates never going
    /// backwards, which holds wherever clocks are set back within a day (every zone in use keeps to it).
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone) =>
        FirstInstantOf(date, instant => LocalDate(instant, zone));

    /// <summary>
    /// The first instant whose study date (<see cref="StudyDate"/>) is <paramref name="date"/> or later: the start of
    /// that lesson day's window, which ends at the grace cutoff of the next morning.
    /// </summary>
    public static DateTimeOffset StudyStartOf(DateOnly date, Cohort cohort, TimeOnly graceCutoff) =>
        FirstInstantOf(date, instant => StudyDate(cohort, instant, graceCutoff));

    // Bisection over instants for a date function that never goes backwards; the cutoff is within a day of midnight.
    private static DateTimeOffset FirstInstantOf(DateOnly date, Func<DateTimeOffset, DateOnly> dateOf)
    {
        if (date.DayNumber <= DateOnly.MinValue.DayNumber + 2)
        {
            return DateTimeOffset.MinValue;
        }

        if (date.DayNumber >= DateOnly.MaxValue.DayNumber - 2)
        {
            return DateTimeOffset.MaxValue;
        }

        // UTC offsets stay within a day and the cutoff adds less than one, so midnight read as UTC, minus one day and
        // plus two, brackets the answer.
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var before = midnight - MillisecondsPerDay;
        var after = midnight + (2 * MillisecondsPerDay);
        while (after - before > 1)
        {
            var middle = before + ((after - before) / 2);
            if (dateOf(DateTimeOffset.FromUnixTimeMilliseconds(middle)) >= date)
            {
                after = middle;
            }
            else
            {
                before = middle;
            }
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(after);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The lesson day reached at <paramref name="now"/> (0 before the start).</summary>
    public static int CurrentDay(StudyCalendar calendar, DateTimeOffset now, TimeOnly graceCutoff) =>
        calendar.PositionOn(StudyDate(calendar.Cohort, now, graceCutoff)).LessonDay;
}
