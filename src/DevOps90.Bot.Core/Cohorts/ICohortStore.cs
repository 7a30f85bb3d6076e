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
/// comes from, and whether it still runs (since when not). <see cref="Version"/> is the store's count of its writes
/// (0: not stored yet): a write based on an older version is refused, so no instance overwrites a change it has not seen.
/// </summary>
public sealed record StoredCohort(
    Cohort Cohort,
    bool ChangedAtRunTime,
    CohortOrigin Origin = CohortOrigin.Settings,
    CohortStatus Status = CohortStatus.Active,
    DateTimeOffset? StatusSince = null,
    long Version = 0)
{
    public bool IsActive => Status == CohortStatus.Active;
}

/// <summary>
/// Where cohorts outlive the process, shared by every instance on the same database. Each write is conditional on the
/// version it is based on, and a store that serves several instances tells them of each committed write (see
/// <see cref="ICohortChangeFeed"/>).
/// </summary>
public interface ICohortStore
{
    Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>One cohort as stored now, or null when there is none.</summary>
    Task<StoredCohort?> FindAsync(CohortId id, CancellationToken cancellationToken = default);

    /// <summary>Every stored cohort's version: what a resynchronization compares before it reads any cohort again.</summary>
    Task<IReadOnlyDictionary<CohortId, long>> VersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="cohort"/> if the stored one is still at <see cref="StoredCohort.Version"/> (version 0:
    /// only if there is none with this id) and returns the new version; returns null, writing nothing, when another
    /// write came first (or, for a new cohort, when its channel has an active created cohort). Throws
    /// <see cref="CohortChannelTakenException"/>, writing nothing, when a change would put an active created cohort in
    /// a channel that has another.
    /// </summary>
    Task<long?> TrySaveAsync(StoredCohort cohort, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the cohort with everything recorded for it: check-ins, delivery lines, leaderboard message; with
    /// <paramref name="version"/>, only if the cohort is still at that version. Returns whether it was deleted.
    /// </summary>
    Task<bool> DeleteAsync(CohortId id, long? version = null, CancellationToken cancellationToken = default);
}
