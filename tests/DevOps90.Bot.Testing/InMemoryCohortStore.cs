using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Testing;

/// <summary>Cohorts kept in memory, as the SQL store keeps them.</summary>
public sealed class InMemoryCohortStore : ICohortStore
{
    private readonly Dictionary<CohortId, StoredCohort> _cohorts = [];

    public Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredCohort>>([.. _cohorts.Values]);

    public Task SaveAsync(StoredCohort cohort, CancellationToken cancellationToken = default)
    {
        _cohorts[cohort.Cohort.Id] = cohort;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        _cohorts.Remove(id);
        return Task.CompletedTask;
    }
}
