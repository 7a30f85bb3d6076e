using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Posts;

/// <summary>
/// Which daily post a cohort's calendar calls for on a local date. Evening posts (the default) announce the next
/// study day's lesson on the previous study day (Friday evening: Monday's lesson), day 1 on the eve of the start, and
/// close on the evening of the last study day. Morning posts announce each study day's own lesson and close the
/// morning after the last one. A paused cohort has no posts.
/// </summary>
public static class PostPlanner
{
    private const int SearchLimitDays = 3 * 366;

    public static PlannedPost? PostOn(StudyCalendar calendar, DateOnly date)
    {
        var cohort = calendar.Cohort;
        if (cohort.Pauses.Any(pause => pause.Covers(date)))
        {
            return null;
        }

        return cohort.PostTiming == PostTiming.SameDay ? MorningPostOn(calendar, date) : EveningPostOn(calendar, date);
    }

    /// <summary>The first post strictly after <paramref name="date"/>, or null when none is coming.</summary>
    public static PlannedPost? NextPostAfter(StudyCalendar calendar, DateOnly date)
    {
        for (var offset = 1; offset <= SearchLimitDays; offset++)
        {
            if (PostOn(calendar, date.AddDays(offset)) is { } post)
            {
                return post;
            }
        }

        return null;
    }

    /// <summary>The first post whose instant is after <paramref name="now"/> (today's may still be ahead), or null.</summary>
    public static PlannedPost? NextPostAfter(StudyCalendar calendar, DateTimeOffset now)
    {
        var yesterday = StudyCalendar.LocalDate(now, calendar.Cohort.TimeZone).AddDays(-1);
        for (var post = NextPostAfter(calendar, yesterday); post is not null; post = NextPostAfter(calendar, post.PostDate))
        {
            if (post.PostAt > now)
            {
                return post;
            }
        }

        return null;
    }

    private static PlannedPost? EveningPostOn(StudyCalendar calendar, DateOnly date)
    {
        var position = calendar.PositionOn(date);
        if (position.Phase == CalendarPhase.Finished)
        {
            return null;
        }

        if (position.Phase == CalendarPhase.NotStarted)
        {
            return calendar.NextStudyDay(date) == date.AddDays(1) ? Make(calendar, date, PostKind.Lesson, 1, date.AddDays(1)) : null;
        }

        if (!position.IsStudyDay)
        {
            return null;
        }

        return position.LessonDay >= calendar.LastDay
            ? Make(calendar, date, PostKind.Closing, calendar.LastDay, null)
            : calendar.NextStudyDay(date) is { } next ? Make(calendar, date, PostKind.Lesson, position.LessonDay + 1, next) : null;
    }

    private static PlannedPost? MorningPostOn(StudyCalendar calendar, DateOnly date)
    {
        var position = calendar.PositionOn(date);
        if (position is { Phase: CalendarPhase.InProgress, IsStudyDay: true })
        {
            return Make(calendar, date, PostKind.Lesson, position.LessonDay, date);
        }

        var yesterday = calendar.PositionOn(date.AddDays(-1));
        var closesToday = position.Phase == CalendarPhase.Finished && yesterday is { IsStudyDay: true } && yesterday.LessonDay == calendar.LastDay;
        return closesToday ? Make(calendar, date, PostKind.Closing, calendar.LastDay, null) : null;
    }

    private static PlannedPost Make(StudyCalendar calendar, DateOnly date, PostKind kind, int lessonDay, DateOnly? studyDate) =>
        new(calendar.Cohort.Id, date, ZonedTime.ToInstant(date, calendar.Cohort.PostTime, calendar.Cohort.TimeZone), kind, lessonDay, studyDate);
}
