namespace DevOps90.Bot.Core.Cohorts;

/// <summary>A cohort as stored: whether it came from the settings or was created or changed at run time.</summary>
public sealed record StoredCohort(Cohort Cohort, bool ChangedAtRunTime);

/// <summary>Where cohorts outlive the process.</summary>
public interface ICohortStore
{
    Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(Cohort cohort, bool changedAtRunTime, CancellationToken cancellationToken = default);

    Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default);
}
