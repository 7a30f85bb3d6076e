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
}
