using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Testing;

/// <summary>Cohorts kept in memory, as the SQL store keeps them: versioned, each write conditional on its version.</summary>
public sealed class InMemoryCohortStore : ICohortStore
{
    private readonly Dictionary<CohortId, StoredCohort> _cohorts = [];
    private readonly Lock _lock = new();

    public Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredCohort>>([.. _cohorts.Values]);
        }
    }

    public Task<StoredCohort?> FindAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_cohorts.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyDictionary<CohortId, long>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<CohortId, long>>(_cohorts.ToDictionary(pair => pair.Key, pair => pair.Value.Version));
        }
    }

    public Task<long?> TrySaveAsync(StoredCohort cohort, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if ((_cohorts.GetValueOrDefault(cohort.Cohort.Id)?.Version ?? 0) != cohort.Version)
            {
                return Task.FromResult<long?>(null);
            }

            if (cohort.Version > 0 && TakesAnothersChannel(cohort))
            {
                throw new CohortChannelTakenException(cohort.Cohort.Id, cohort.Cohort.Target);
            }

            _cohorts[cohort.Cohort.Id] = cohort with { Version = cohort.Version + 1 };
            return Task.FromResult<long?>(cohort.Version + 1);
        }
    }

    // The SQL stores' index cohorts_created_one_per_channel, which refuses an update (an insert does nothing instead).
    private bool TakesAnothersChannel(StoredCohort cohort) =>
        IsCreatedAndActive(cohort) && _cohorts.Values.Any(other =>
            other.Cohort.Id != cohort.Cohort.Id && IsCreatedAndActive(other) && other.Cohort.Target == cohort.Cohort.Target);

    private static bool IsCreatedAndActive(StoredCohort cohort) => cohort.IsActive && cohort.Origin == CohortOrigin.Command;

    public Task<bool> DeleteAsync(CohortId id, long? version = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult((version is null || _cohorts.GetValueOrDefault(id)?.Version == version) && _cohorts.Remove(id));
        }
    }
}
