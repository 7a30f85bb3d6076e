namespace DevOps90.Bot.StudyGroups;

/// <summary>One item of the "Cohorts" section, as written in settings; <see cref="CohortSettingsReader"/> checks and converts it.</summary>
public sealed class CohortSettings
{
    public string Id { get; set; } = "";

    /// <summary>A curriculum id; empty means Content:DefaultCurriculum.</summary>
    public string? Curriculum { get; set; }

    /// <summary>Forces the language of every reply to this cohort; empty follows each member's locale.</summary>
    public string? Language { get; set; }

    /// <summary>The local date of day 1, yyyy-MM-dd.</summary>
    public string StartDate { get; set; } = "";

    public string TimeZone { get; set; } = "";

    /// <summary>Local time of the daily post, HH:mm.</summary>
    public string PostTime { get; set; } = "18:00";

    /// <summary>"NextStudyDay" (evening post of the next lesson) or "SameDay" (morning post of today's).</summary>
    public string PostTiming { get; set; } = "NextStudyDay";

    /// <summary>"daily", "weekdays", or day names: "mon,wed,fri".</summary>
    public string Cadence { get; set; } = "daily";

    /// <summary>Dates without study (holidays), yyyy-MM-dd.</summary>
    public List<string> SkippedDates { get; set; } = [];

    /// <summary>Paused from this date (yyyy-MM-dd) on: the calendar freezes and no post goes out. Empty: running.</summary>
    public string? PausedSince { get; set; }

    /// <summary>"platform:channel", e.g. "console:console" or "discord:123456789012345678".</summary>
    public string Target { get; set; } = "console:console";

    public string? MentionRole { get; set; }

    /// <summary>Keep one leaderboard message in the channel, edited after each daily post.</summary>
    public bool LeaderboardMessage { get; set; }

    /// <summary>Publish the group's web page at /groups/{Id} (off by default: anyone with the address can read it).</summary>
    public bool Page { get; set; }

    /// <summary>Days done that earn a member one streak freeze (0: no freezes).</summary>
    public int FreezeEvery { get; set; } = 7;

    /// <summary>The most streak freezes a member holds at once (0: no freezes).</summary>
    public int FreezeMax { get; set; } = 2;
    /// <summary>Each daily post opens a thread named after its lesson (Slack: the replies under the post).</summary>
    public bool Threads { get; set; }

    /// <summary>Days done at which members are congratulated: "7,30,60,90" (the default when empty), or "none".</summary>
    public string? Milestones { get; set; }

    /// <summary>A Discord role id given at each milestone (Slack has no roles: unused there).</summary>
    public string? MilestoneRole { get; set; }

    /// <summary>Moderators of this group besides the server's managers: member ids, or "role:&lt;role id&gt;".</summary>
    public List<string> Moderators { get; set; } = [];
}
