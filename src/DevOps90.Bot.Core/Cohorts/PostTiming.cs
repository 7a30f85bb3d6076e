namespace DevOps90.Bot.Core.Cohorts;

/// <summary>Which lesson the daily post announces.</summary>
public enum PostTiming
{
    /// <summary>An evening post of the next study day's lesson ("Tomorrow — Day 3").</summary>
    NextStudyDay,

    /// <summary>A morning post of the same day's lesson.</summary>
    SameDay,
}
