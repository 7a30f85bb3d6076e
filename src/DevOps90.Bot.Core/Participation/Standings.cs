namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// Where a member stands in a ranking: days done (in a period, or in all), their current streak (always over every
/// lesson day they did) and their last check-in (in the same period).
/// </summary>
public sealed record MemberStanding(string MemberId, int DaysDone, int Streak, DateTimeOffset LastCheckIn)
{
    /// <summary>
    /// Leaderboards and ranks: more days first, then the longer current streak, then who got there first; a full tie
    /// (to the millisecond) goes by member id so a ranking never depends on the order rows come back in.
    /// </summary>
    public static IComparer<MemberStanding> Ranking { get; } = Comparer<MemberStanding>.Create((left, right) =>
        right.DaysDone != left.DaysDone ? right.DaysDone.CompareTo(left.DaysDone)
        : right.Streak != left.Streak ? right.Streak.CompareTo(left.Streak)
        : left.LastCheckIn != right.LastCheckIn ? left.LastCheckIn.CompareTo(right.LastCheckIn)
        : string.CompareOrdinal(left.MemberId, right.MemberId));
}

/// <summary>How many members have checked in at all, and how many of them rank above a given standing.</summary>
public sealed record MemberRank(int Members, int Ahead);

/// <summary>
/// What the moderators' summary counts, as instants (the service turns the cohort's local dates into them): active
/// today = a check-in in [TodayFrom, TodayUntil); this week = at or after WeekFrom; inactive = the last check-in
/// before InactiveBefore; per day = check-ins of lesson days FirstDay..LastDay.
/// </summary>
public sealed record ActivityQuery(
    DateTimeOffset TodayFrom,
    DateTimeOffset TodayUntil,
    DateTimeOffset WeekFrom,
    DateTimeOffset InactiveBefore,
    int FirstDay,
    int LastDay);

/// <summary>The counts behind <see cref="ParticipationSummary"/>; PerDay leaves out days nobody did, Inactive is in no set order.</summary>
public sealed record CohortActivity(int ActiveToday, int ActiveThisWeek, int Members, IReadOnlyDictionary<int, int> PerDay, IReadOnlyList<string> Inactive);

/// <summary>A lesson day and the instants of its study date in the cohort's zone (grace cutoff included).</summary>
public sealed record LessonWindow(int Day, DateTimeOffset From, DateTimeOffset Until);

/// <summary>A lesson day's check-ins, and the members active during its study date.</summary>
public sealed record LessonActivity(int Day, int CheckIns, int ActiveMembers);
