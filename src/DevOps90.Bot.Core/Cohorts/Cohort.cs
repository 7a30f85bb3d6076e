using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>One study group following one curriculum in one place, on its own calendar.</summary>
public sealed record Cohort
{
    public required CohortId Id { get; init; }

    public required string CurriculumId { get; init; }

    /// <summary>When set, every reply to this cohort is in this language, whatever the member's locale.</summary>
    public string? Language { get; init; }

    /// <summary>The local date of day 1.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>An IANA zone id ("Europe/Paris").</summary>
    public required string TimeZoneId { get; init; }

    public TimeOnly PostTime { get; init; } = new(18, 0);

    public PostTiming PostTiming { get; init; } = PostTiming.NextStudyDay;

    public Cadence Cadence { get; init; } = Cadence.Daily;

    public ImmutableSortedSet<DateOnly> SkippedDates { get; init; } = [];

    /// <summary>Pauses in order; the last may be open (paused now).</summary>
    public ImmutableArray<PausePeriod> Pauses { get; init; } = [];

    public ChatTarget Target { get; init; } = ChatTarget.Console;

    /// <summary>A role (group) to mention in the daily post, on platforms that have them.</summary>
    public string? MentionRoleId { get; init; }

    /// <summary>
    /// Keep one leaderboard message in the channel, edited after each daily post, so nobody has to ask for it.
    /// </summary>
    public bool LeaderboardMessage { get; init; }

    /// <summary>
    /// The group has a public web page (<c>/groups/{id}</c>): its calendar, lessons and weekly leaderboard. Off by
    /// default, since the page is readable by anyone who has its address.
    /// </summary>
    public bool PublicPage { get; init; }

    /// <summary>Days done that earn a streak freeze (0: no freezes); see <c>StreakRules</c>.</summary>
    public int FreezeEvery { get; init; } = 7;

    /// <summary>The most freezes a member holds at once (0: no freezes).</summary>
    public int FreezeMax { get; init; } = 2;

    /// <summary>
    /// Each daily post opens a thread named after its lesson (Discord: a thread on the post; Slack: the replies under
    /// it), where members talk about the day and <c>/share</c> posts land; the bot posts nothing else there.
    /// </summary>
    public bool Threads { get; init; }

    /// <summary>The counts of days done at which a member is congratulated in the channel (none: no milestones).</summary>
    public ImmutableArray<int> Milestones { get; init; } = DefaultMilestones;

    /// <summary>
    /// A role given at each milestone, on platforms that have roles (Discord; Slack has none, so only the
    /// congratulation); the bot needs Manage Roles and a role below its own.
    /// </summary>
    public string? MilestoneRoleId { get; init; }

    public static readonly ImmutableArray<int> DefaultMilestones = [7, 30, 60, 90];

    /// <summary>
    /// Members who moderate this group besides those the platform says may manage the server: member ids, and role
    /// ids prefixed "role:" (a Discord role; a Slack user group later). Checked on the server for every command.
    /// </summary>
    public ImmutableArray<string> Moderators { get; init; } = [];

    /// <summary>Whether the cohort's own moderator list names this member or one of their roles.</summary>
    public bool NamesModerator(string memberId, IEnumerable<string> memberRoles) =>
        Moderators.Contains(memberId) || memberRoles.Any(role => Moderators.Contains("role:" + role));

    public bool IsPaused => Pauses.Length > 0 && Pauses[^1].Until is null;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Closes the open pause on <paramref name="date"/> or opens one, so the calendar freezes from that date.</summary>
    public Cohort PausedFrom(DateOnly date) =>
        IsPaused ? this : this with { Pauses = Pauses.Add(new PausePeriod(date, null)) };

    public Cohort ResumedOn(DateOnly date) =>
        IsPaused ? this with { Pauses = Pauses.SetItem(Pauses.Length - 1, Pauses[^1] with { Until = date }) } : this;
}
