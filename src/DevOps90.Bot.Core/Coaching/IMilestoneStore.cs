using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Coaching;

/// <summary>A milestone role the platform refused for a cohort, shown to moderators in <c>/status</c>.</summary>
public sealed record MilestoneRoleProblem(CohortId Cohort, string RoleId, string Reason, DateTimeOffset At);

/// <summary>
/// Where milestones are kept (storage implements it): those reached, members who opted out, and a role the platform
/// refused. Each write is one conditional statement, so that two instances congratulate a member once.
/// </summary>
public interface IMilestoneStore
{
    /// <summary>Records that the member reached <paramref name="days"/> days done; false when it was recorded before.</summary>
    Task<bool> TryReachAsync(CohortId cohort, string memberId, int days, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The milestones the member reached in the cohort, in order.</summary>
    Task<IReadOnlyList<int>> ReachedAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default);

    Task SetOptedOutAsync(string memberId, bool optedOut, CancellationToken cancellationToken = default);

    Task<bool> IsOptedOutAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Notes a refused role unless one is noted for the cohort already; returns whether this call noted it.</summary>
    Task<bool> NoteRoleProblemAsync(MilestoneRoleProblem problem, CancellationToken cancellationToken = default);

    Task<MilestoneRoleProblem?> RoleProblemAsync(CohortId cohort, CancellationToken cancellationToken = default);

    /// <summary>Forgets a refused role (the cohort named another): the next milestone tries again.</summary>
    Task ClearRoleProblemAsync(CohortId cohort, CancellationToken cancellationToken = default);

    /// <summary>Deletes the member's milestones and opt-out in every cohort (<c>/forget-me</c>).</summary>
    Task ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default);
}
