namespace DevOps90.Bot.Core.Cohorts;

/// <summary>Where a cohort comes from, which decides how it ends.</summary>
public enum CohortOrigin
{
    /// <summary>The "Cohorts" settings: removed from them, it is retired at the next start.</summary>
    Settings,

    /// <summary><c>/cohort create</c>: moderators archive or delete it with <c>/cohort</c>.</summary>
    Command,
}

/// <summary>Only active cohorts are scheduled, posted to and answered for; the others wait for the retention rule.</summary>
public enum CohortStatus
{
    Active,

    /// <summary>Ended by its moderators (<c>/cohort archive</c>).</summary>
    Archived,

    /// <summary>No longer in the settings.</summary>
    Retired,
}

/// <summary>
/// A cohort as stored: whether it was changed at run time (so its stored version wins over the settings), where it
/// comes from, and whether it still runs (since when not).
/// </summary>
public sealed record StoredCohort(
    Cohort Cohort,
    bool ChangedAtRunTime,
    CohortOrigin Origin = CohortOrigin.Settings,
    CohortStatus Status = CohortStatus.Active,
    DateTimeOffset? StatusSince = null)
{
    public bool IsActive => Status == CohortStatus.Active;
}

/// <summary>Where cohorts outlive the process.</summary>
public interface ICohortStore
{
    Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(StoredCohort cohort, CancellationToken cancellationToken = default);

    /// <summary>Deletes the cohort with everything recorded for it: check-ins, delivery lines, leaderboard message.</summary>
    Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default);
}
