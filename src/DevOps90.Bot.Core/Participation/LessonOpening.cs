using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Posts;

namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// When a lesson day can first be marked done: as soon as the daily post announcing it is out (an evening post at
/// 18:00 the day before carries its Done button), or at the start of its study date (the grace cutoff) when that comes
/// first, as it does for morning posts. The check-in still counts for that lesson day, neither early nor late.
/// </summary>
public static class LessonOpening
{
    /// <summary>The instant lesson <paramref name="day"/> opens, or null when the calendar never reaches it (paused).</summary>
    public static DateTimeOffset? OpensAt(StudyCalendar calendar, int day, TimeOnly graceCutoff)
    {
        if (calendar.DateOfLesson(day) is not { } date)
        {
            return null;
        }

        var studyStart = ParticipationClock.StudyStartOf(date, calendar.Cohort, graceCutoff);
        // The post announcing a lesson is made between the previous lesson's date (the eve, for day 1) and its own.
        var first = day > 1 && calendar.DateOfLesson(day - 1) is { } previous ? previous : date.AddDays(-1);
        for (var postDate = first; postDate <= date; postDate = postDate.AddDays(1))
        {
            if (PostPlanner.PostOn(calendar, postDate) is { Kind: PostKind.Lesson } post && post.LessonDay == day && post.PostAt < studyStart)
            {
                return post.PostAt;
            }
        }

        return studyStart;
    }
}
