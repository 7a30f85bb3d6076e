using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>A cohort was created or changed (<see cref="Cohort"/> set) or stopped: archived, retired or deleted (null).</summary>
public sealed record CohortChange(CohortId Id, Cohort? Cohort);

/// <summary>What the start did to the stored cohorts, for the caller to report.</summary>
/// <param name="Overridden">Changed at run time: their stored version is kept over the settings'.</param>
/// <param name="Retired">No longer in the settings: no schedule and no post from now on.</param>
public sealed record CohortInitialization(IReadOnlyList<CohortId> Overridden, IReadOnlyList<CohortId> Retired);

/// <summary>
/// The cohorts the bot serves, kept in memory for readers and in the store for restarts. The settings seed it at
/// start; a cohort changed at run time keeps its run-time version over the settings'; a settings cohort no longer in
/// them is retired. Readers see active cohorts only. Every change is announced, so the scheduler follows it at once.
/// </summary>
public sealed class CohortRegistry(ICohortStore store, TimeProvider? time = null) : ICohortDirectory
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private ImmutableDictionary<CohortId, StoredCohort> _stored = ImmutableDictionary<CohortId, StoredCohort>.Empty;
    private ImmutableDictionary<CohortId, Cohort> _cohorts = ImmutableDictionary<CohortId, Cohort>.Empty;

    public event Action<CohortChange>? Changed;

    public IReadOnlyList<Cohort> All => [.. _cohorts.Values.OrderBy(cohort => cohort.Id.Value, StringComparer.Ordinal)];

    /// <summary>Archived and retired cohorts, whose data is kept until the retention rule removes it.</summary>
    public IReadOnlyList<StoredCohort> Inactive => [.. _stored.Values.Where(item => !item.IsActive).OrderBy(item => item.Cohort.Id.Value, StringComparer.Ordinal)];

    public Cohort? Find(CohortId id) => _cohorts.GetValueOrDefault(id);

    public Cohort? FindByTarget(ChatTarget target) => _cohorts.Values.FirstOrDefault(cohort => cohort.Target == target);

    /// <summary>Where the cohort comes from; null when there is no such cohort, active or not.</summary>
    public CohortOrigin? OriginOf(CohortId id) => _stored.TryGetValue(id, out var stored) ? stored.Origin : null;

    /// <summary>True when an id is used by a cohort, active or not (an archived cohort's data still carries it).</summary>
    public bool IsTaken(CohortId id) => _stored.ContainsKey(id);

    /// <summary>
    /// Loads the stored cohorts, writes the configured ones over those not changed at run time (bringing back a
    /// retired one that is configured again), and retires the settings' cohorts that are no longer configured.
    /// </summary>
    public async Task<CohortInitialization> InitializeAsync(IEnumerable<Cohort> configured, CancellationToken cancellationToken = default)
    {
        var stored = (await store.LoadAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(item => item.Cohort.Id);
        var overridden = new List<CohortId>();
        var configuredIds = new HashSet<CohortId>();
        foreach (var cohort in configured)
        {
            configuredIds.Add(cohort.Id);
            if (stored.TryGetValue(cohort.Id, out var existing) && existing is { ChangedAtRunTime: true, IsActive: true })
            {
                if (!CohortComparer.Same(existing.Cohort, cohort))
                {
                    overridden.Add(cohort.Id);
                }

                continue;
            }

            await Store(stored, new StoredCohort(cohort, false), cancellationToken).ConfigureAwait(false);
        }

        var retired = new List<CohortId>();
        foreach (var item in stored.Values.ToList())
        {
            if (item is { Origin: CohortOrigin.Settings, IsActive: true } && !configuredIds.Contains(item.Cohort.Id))
            {
                await Store(stored, item with { Status = CohortStatus.Retired, StatusSince = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                retired.Add(item.Cohort.Id);
            }
        }

        _stored = stored.ToImmutableDictionary();
        _cohorts = ActiveOf(_stored);
        return new CohortInitialization(overridden, retired);
    }

    /// <summary>
    /// Creates or changes a cohort at run time: stored first, then visible, then announced. A new id is a cohort of
    /// the <c>/cohort create</c> kind; an existing one keeps its origin.
    /// </summary>
    public async Task SaveAsync(Cohort cohort, CancellationToken cancellationToken = default)
    {
        var origin = _stored.TryGetValue(cohort.Id, out var existing) ? existing.Origin : CohortOrigin.Command;
        var item = new StoredCohort(cohort, true, origin);
        await store.SaveAsync(item, cancellationToken).ConfigureAwait(false);
        ImmutableInterlocked.AddOrUpdate(ref _stored, cohort.Id, item, (_, _) => item);
        ImmutableInterlocked.AddOrUpdate(ref _cohorts, cohort.Id, cohort, (_, _) => cohort);
        Changed?.Invoke(new CohortChange(cohort.Id, cohort));
    }

    /// <summary>Ends a cohort without deleting anything: no schedule, no post, its data kept until the retention rule.</summary>
    public async Task ArchiveAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        if (!_stored.TryGetValue(id, out var existing))
        {
            return;
        }

        var item = existing with { Status = CohortStatus.Archived, StatusSince = _time.GetUtcNow() };
        await store.SaveAsync(item, cancellationToken).ConfigureAwait(false);
        ImmutableInterlocked.AddOrUpdate(ref _stored, id, item, (_, _) => item);
        ImmutableInterlocked.TryRemove(ref _cohorts, id, out _);
        Changed?.Invoke(new CohortChange(id, null));
    }

    /// <summary>Deletes a cohort and everything recorded for it (see <see cref="ICohortStore.DeleteAsync"/>).</summary>
    public async Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        ImmutableInterlocked.TryRemove(ref _stored, id, out _);
        ImmutableInterlocked.TryRemove(ref _cohorts, id, out _);
        Changed?.Invoke(new CohortChange(id, null));
    }

    /// <summary>The retention rule: archived and retired cohorts inactive for longer than <paramref name="retention"/> are deleted.</summary>
    public async Task<IReadOnlyList<CohortId>> PurgeInactiveAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        var cutoff = _time.GetUtcNow() - retention;
        var expired = _stored.Values.Where(item => !item.IsActive && item.StatusSince is { } since && since <= cutoff).Select(item => item.Cohort.Id).ToList();
        foreach (var id in expired)
        {
            await DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return expired;
    }

    private async Task Store(Dictionary<CohortId, StoredCohort> stored, StoredCohort item, CancellationToken cancellationToken)
    {
        await store.SaveAsync(item, cancellationToken).ConfigureAwait(false);
        stored[item.Cohort.Id] = item;
    }

    private static ImmutableDictionary<CohortId, Cohort> ActiveOf(ImmutableDictionary<CohortId, StoredCohort> stored) =>
        stored.Values.Where(item => item.IsActive).ToImmutableDictionary(item => item.Cohort.Id, item => item.Cohort);
}

/// <summary>Value comparison of cohorts, whose collections compare by reference in record equality.</summary>
public static class CohortComparer
{
    public static bool Same(Cohort left, Cohort right) =>
        left with { SkippedDates = [], Pauses = [], Moderators = [] } == right with { SkippedDates = [], Pauses = [], Moderators = [] }
        && left.SkippedDates.SetEquals(right.SkippedDates)
        && left.Pauses.SequenceEqual(right.Pauses)
        && left.Moderators.SequenceEqual(right.Moderators);
}
