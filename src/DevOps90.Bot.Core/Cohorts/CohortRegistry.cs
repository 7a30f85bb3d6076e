using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>A cohort was created or changed (<see cref="Cohort"/> set) or removed (null).</summary>
public sealed record CohortChange(CohortId Id, Cohort? Cohort);

/// <summary>
/// The cohorts the bot serves, kept in memory for readers and in the store for restarts. The settings seed it at
/// start; a cohort changed at run time keeps its run-time version over the settings'. Every change is announced, so
/// the scheduler can follow it at once.
/// </summary>
public sealed class CohortRegistry(ICohortStore store) : ICohortDirectory
{
    private ImmutableDictionary<CohortId, Cohort> _cohorts = ImmutableDictionary<CohortId, Cohort>.Empty;

    public event Action<CohortChange>? Changed;

    public IReadOnlyList<Cohort> All => [.. _cohorts.Values.OrderBy(cohort => cohort.Id.Value, StringComparer.Ordinal)];

    public Cohort? Find(CohortId id) => _cohorts.GetValueOrDefault(id);

    public Cohort? FindByTarget(ChatTarget target) => _cohorts.Values.FirstOrDefault(cohort => cohort.Target == target);

    /// <summary>
    /// Loads the stored cohorts and writes the configured ones over those that were not changed at run time.
    /// Returns the ids whose run-time version differs from the settings, for the caller to report.
    /// </summary>
    public async Task<IReadOnlyList<CohortId>> InitializeAsync(IEnumerable<Cohort> configured, CancellationToken cancellationToken = default)
    {
        var stored = (await store.LoadAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(item => item.Cohort.Id);
        var overridden = new List<CohortId>();
        foreach (var cohort in configured)
        {
            if (stored.TryGetValue(cohort.Id, out var existing) && existing.ChangedAtRunTime)
            {
                if (!CohortComparer.Same(existing.Cohort, cohort))
                {
                    overridden.Add(cohort.Id);
                }

                continue;
            }

            await store.SaveAsync(cohort, changedAtRunTime: false, cancellationToken).ConfigureAwait(false);
            stored[cohort.Id] = new StoredCohort(cohort, false);
        }

        _cohorts = stored.Values.ToImmutableDictionary(item => item.Cohort.Id, item => item.Cohort);
        return overridden;
    }

    /// <summary>Creates or changes a cohort at run time: stored first, then visible, then announced.</summary>
    public async Task SaveAsync(Cohort cohort, CancellationToken cancellationToken = default)
    {
        await store.SaveAsync(cohort, changedAtRunTime: true, cancellationToken).ConfigureAwait(false);
        ImmutableInterlocked.AddOrUpdate(ref _cohorts, cohort.Id, cohort, (_, _) => cohort);
        Changed?.Invoke(new CohortChange(cohort.Id, cohort));
    }

    public async Task RemoveAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        ImmutableInterlocked.TryRemove(ref _cohorts, id, out _);
        Changed?.Invoke(new CohortChange(id, null));
    }
}

/// <summary>Value comparison of cohorts, whose collections compare by reference in record equality.</summary>
public static class CohortComparer
{
    public static bool Same(Cohort left, Cohort right) =>
        left with { SkippedDates = [], Pauses = [] } == right with { SkippedDates = [], Pauses = [] }
        && left.SkippedDates.SetEquals(right.SkippedDates)
        && left.Pauses.SequenceEqual(right.Pauses);
}
