namespace DevOps90.Bot.Core.Cohorts;

public enum CalendarPhase
{
    NotStarted,
    InProgress,
    Finished,
}

/// <summary>
/// Where a cohort stands on a local date. <see cref="LessonDay"/> is the lesson reached so far (0 before the first
/// study day); on a rest day it stays at the last study day's lesson. Finished starts the day after the last lesson's.
/// </summary>
public sealed record CalendarPosition(CalendarPhase Phase, int LessonDay, bool IsStudyDay, int DaysUntilStart);

/// <summary>
/// A cohort's calendar on local dates: the lesson day of a date is the number of study days from the start up to it,
/// counting only days the cadence includes, not skipped and not paused. Dates are <see cref="DateOnly"/> in the
/// cohort's zone, so daylight-saving changes cannot move a lesson.
/// </summary>
public sealed class StudyCalendar(Cohort cohort, int lastDay)
{
    // Far enough for any curriculum on any cadence; a calendar that finds no study day in it is paused or empty.
    private const int SearchLimitDays = 3 * 366;

    public Cohort Cohort => cohort;

    public int LastDay => lastDay;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public bool IsStudyDay(DateOnly date) =>
        date >= cohort.StartDate
        && cohort.Cadence.Includes(date.DayOfWeek)
        && !cohort.SkippedDates.Contains(date)
        && !cohort.Pauses.Any(pause => pause.Covers(date));

    public CalendarPosition PositionOn(DateOnly date)
    {
        var studyDays = 0;
        for (var day = cohort.StartDate; day <= date && studyDays <= lastDay; day = day.AddDays(1))
        {
            if (IsStudyDay(day))
            {
                studyDays++;
            }
        }

        var isStudyDay = IsStudyDay(date);
        if (studyDays == 0)
        {
            var first = NextStudyDay(date.AddDays(-1));
            var until = first is { } firstDay ? firstDay.DayNumber - date.DayNumber : 0;
            return new CalendarPosition(CalendarPhase.NotStarted, 0, false, until);
        }

        // Past the last lesson: a later study day, or any rest day once the last lesson's day is behind.
        var finished = studyDays > lastDay || (studyDays == lastDay && !isStudyDay);
        return finished
            ? new CalendarPosition(CalendarPhase.Finished, lastDay, false, 0)
            : new CalendarPosition(CalendarPhase.InProgress, studyDays, isStudyDay, 0);
    }

    /// <summary>The first study day after <paramref name="date"/>, or null when the cohort is paused for good.</summary>
    public DateOnly? NextStudyDay(DateOnly date)
    {
        var start = date < cohort.StartDate ? cohort.StartDate.AddDays(-1) : date;
        for (var offset = 1; offset <= SearchLimitDays; offset++)
        {
            var candidate = start.AddDays(offset);
            if (IsStudyDay(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The local date on which lesson <paramref name="lessonDay"/> is (or was) studied, if the calendar reaches it.</summary>
    public DateOnly? DateOfLesson(int lessonDay)
    {
        if (lessonDay < 1 || lessonDay > lastDay)
        {
            return null;
        }

        var count = 0;
        var date = cohort.StartDate;
        for (var offset = 0; offset <= SearchLimitDays; offset++, date = date.AddDays(1))
        {
            if (IsStudyDay(date) && ++count == lessonDay)
            {
                return date;
            }
        }

        return null;
    }
}
