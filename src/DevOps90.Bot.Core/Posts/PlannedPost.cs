using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Posts;

public enum PostKind
{
    /// <summary>A lesson: the next study day's (evening posts) or the same day's (morning posts).</summary>
    Lesson,

    /// <summary>The one post after the last lesson.</summary>
    Closing,
}

/// <summary>A daily post the calendar calls for: when (local date, instant) and about which lesson.</summary>
public sealed record PlannedPost(CohortId Cohort, DateOnly PostDate, DateTimeOffset PostAt, PostKind Kind, int LessonDay, DateOnly? StudyDate);
