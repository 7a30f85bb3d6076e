using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Participation;

/// <summary>A member saying they did a lesson day: once per (cohort, member, day), with when, and whether it was late.</summary>
public sealed record CheckIn(CohortId Cohort, string MemberId, int Day, DateTimeOffset At, bool IsLate);

/// <summary>Where check-ins are kept (storage implements it).</summary>
public interface IParticipationStore
{
    /// <summary>Adds the check-in unless one exists for the same day; returns the one that is stored.</summary>
    Task<(bool Added, CheckIn Stored)> AddAsync(CheckIn checkIn, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(CohortId cohort, string memberId, int day, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CheckIn>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CheckIn>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default);

    /// <summary>Deletes everything stored about a member, in every cohort; returns how many check-ins went.</summary>
    Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every member with a check-in at or after <paramref name="since"/> (null: ever) whose count of them is at least the
    /// <paramref name="size"/>-th highest such count: the top <paramref name="size"/> under any tie-break, ties at the
    /// boundary included. Streaks are current streaks on <paramref name="currentDay"/> over all of a member's days,
    /// with the cohort's freezes (<see cref="Streaks.Walk"/>).
    /// </summary>
    Task<IReadOnlyList<MemberStanding>> LeaderCandidatesAsync(CohortId cohort, DateTimeOffset? since, int currentDay, int size, StreakRules rules = default, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many members have checked in, and how many other than <paramref name="member"/> rank above it
    /// (<see cref="MemberStanding.Ranking"/> over all check-ins, streaks on <paramref name="currentDay"/>).
    /// </summary>
    Task<MemberRank> RankAsync(CohortId cohort, MemberStanding member, int currentDay, StreakRules rules = default, CancellationToken cancellationToken = default);

    Task<CohortActivity> ActivityAsync(CohortId cohort, ActivityQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each window: the check-ins of its lesson day, and how many members checked in (for any day) within
    /// [From, Until); in the windows' order.
    /// </summary>
    Task<IReadOnlyList<LessonActivity>> LessonActivityAsync(CohortId cohort, IReadOnlyList<LessonWindow> windows, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cohort's check-ins made in [<paramref name="from"/>, <paramref name="until"/>) (null: no bound), by lesson day,
    /// then time, then member id, read as they are enumerated rather than all at once.
    /// </summary>
    IAsyncEnumerable<CheckIn> StreamCohortAsync(CohortId cohort, DateTimeOffset? from = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default);
}
