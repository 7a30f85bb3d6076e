using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Coaching;

/// <summary>Where shares are kept (storage implements it): one per cohort, member and lesson day.</summary>
public interface IShareStore
{
    /// <summary>Adds the share unless the member shared that day already; returns whether it was added.</summary>
    Task<bool> AddAsync(Share share, CancellationToken cancellationToken = default);

    /// <summary>The member's shares in the cohort, newest day first.</summary>
    Task<IReadOnlyList<Share>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default);

    /// <summary>Every share of the cohort (for the moderators' export: shares are few beside check-ins).</summary>
    Task<IReadOnlyList<Share>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default);

    /// <summary>The members with the most shares, most first, then who shared first; at most <paramref name="size"/>.</summary>
    Task<IReadOnlyList<ShareCount>> TopAsync(CohortId cohort, int size, CancellationToken cancellationToken = default);

    /// <summary>Deletes the member's shares in every cohort (<c>/forget-me</c>).</summary>
    Task ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default);
}
