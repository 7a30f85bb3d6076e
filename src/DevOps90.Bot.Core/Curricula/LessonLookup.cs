namespace DevOps90.Bot.Core.Curricula;

public enum LessonLookupStatus
{
    Found,

    /// <summary>The requested language lacks the day (or has only a placeholder): the lesson is in another language.</summary>
    FoundInFallbackLanguage,

    /// <summary>The curriculum exists, the day does not.</summary>
    DayNotFound,

    CurriculumNotFound,
}

/// <summary>The answer to "day N of curriculum C in language L", saying how it was found.</summary>
public sealed record LessonLookup(LessonLookupStatus Status, Lesson? Lesson, Curriculum? Curriculum)
{
    public bool IsFound => Lesson is not null;
}
