using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>The dates of a group's calendar from its start to its last lesson (or today, if later), as the page lists them.</summary>
internal static class GroupCalendar
{
    // A calendar that never reaches its last lesson (paused for good) stops here.
    private const int MaxDates = 3 * 366;

    public static IReadOnlyList<CalendarCell> Cells(StudyCalendar calendar, DateOnly today)
    {
        var cohort = calendar.Cohort;
        var last = calendar.DateOfLesson(calendar.LastDay) ?? today;
        var end = last > today ? last : today;
        var next = cohort.IsPaused ? null : calendar.NextStudyDay(today);
        var cells = new List<CalendarCell>();
        var lessonDay = 0;
        for (var date = cohort.StartDate; date <= end && cells.Count < MaxDates; date = date.AddDays(1))
        {
            var kind = KindOf(calendar, date);
            if (kind == CellKind.Study && ++lessonDay > calendar.LastDay)
            {
                break;
            }

            cells.Add(new CalendarCell(date, kind, WhenOf(date, today, next), kind == CellKind.Study ? lessonDay : null));
        }

        return cells;
    }

    private static CellKind KindOf(StudyCalendar calendar, DateOnly date)
    {
        if (calendar.IsStudyDay(date))
        {
            return CellKind.Study;
        }

        if (calendar.Cohort.Pauses.Any(pause => pause.Covers(date)))
        {
            return CellKind.Paused;
        }

        return calendar.Cohort.SkippedDates.Contains(date) ? CellKind.Skipped : CellKind.Rest;
    }

    private static CellWhen WhenOf(DateOnly date, DateOnly today, DateOnly? next)
    {
        if (date == today)
        {
            return CellWhen.Today;
        }

        if (date == next)
        {
            return CellWhen.Next;
        }

        return date < today ? CellWhen.Past : CellWhen.Upcoming;
    }
}
