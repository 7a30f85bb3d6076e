using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>A cohort was created or changed (<see cref="Cohort"/> set) or stopped: archived, retired or deleted (null).</summary>
public sealed record CohortChange(CohortId Id, Cohort? Cohort);

/// <summary>What the start did to the stored cohorts, for the caller to report.</summary>
/// <param name="Overridden">Changed at run time: their stored version is kept over the settings'.</param>
/// <param name="Retired">No longer in the settings: no schedule and no post from now on.</param>
public sealed record CohortInitialization(IReadOnlyList<CohortId> Overridden, IReadOnlyList<CohortId> Retired);

/// <summary>
/// The cohorts the bot serves, kept in memory for readers and in the store, which every instance on one database
/// shares. The settings seed it at start; a cohort changed at run time keeps its run-time version over the settings';
/// a settings cohort no longer in them is retired. Readers see active cohorts only. Every write is conditional on the
/// version it is based on (see CohortRegistry.Writes.cs); what other instances write comes in through
/// <see cref="RefreshAsync"/> and <see cref="ResyncAsync"/>. Every change, from here or elsewhere, is announced, so the
/// scheduler follows it at once.
/// </summary>
public sealed partial class CohortRegistry(ICohortStore store, TimeProvider? time = null) : ICohortDirectory, IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Writes and reads of the store take turns in one registry, so that a refresh that read the store before one of
    // this instance's writes cannot put back what that write replaced.
    private readonly SemaphoreSlim _turn = new(1, 1);
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

    /// <summary>The cohort as this instance last read or wrote it, with its version; null when there is none.</summary>
    public StoredCohort? FindStored(CohortId id) => _stored.GetValueOrDefault(id);

    /// <summary>True when an id is used by a cohort, active or not (an archived cohort's data still carries it).</summary>
    public bool IsTaken(CohortId id) => _stored.ContainsKey(id);

    /// <summary>
    /// Loads the stored cohorts, writes the configured ones over those not changed at run time (bringing back a
    /// retired one that is configured again), and retires the settings' cohorts that are no longer configured. A
    /// cohort already stored as configured is not written again, so instances starting together do not each bump it.
    /// </summary>
    public async Task<CohortInitialization> InitializeAsync(IEnumerable<Cohort> configured, CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
            _stored = loaded.ToImmutableDictionary(item => item.Cohort.Id);
            _cohorts = ActiveOf(_stored);

            var overridden = new List<CohortId>();
            var configuredIds = new HashSet<CohortId>();
            foreach (var cohort in configured)
            {
                configuredIds.Add(cohort.Id);
                var (current, _) = await WriteAsync(cohort.Id, existing => SeedFrom(existing, cohort), MaxAttempts, cancellationToken).ConfigureAwait(false);
                if (current is { ChangedAtRunTime: true, IsActive: true } && !CohortComparer.Same(current.Cohort, cohort))
                {
                    overridden.Add(cohort.Id);
                }
            }

            var retired = new List<CohortId>();
            var now = _time.GetUtcNow();
            foreach (var id in _stored.Keys.Where(id => !configuredIds.Contains(id)).ToList())
            {
                var (_, written) = await WriteAsync(
                    id,
                    existing => existing is { Origin: CohortOrigin.Settings, IsActive: true } ? existing with { Status = CohortStatus.Retired, StatusSince = now } : null,
                    MaxAttempts,
                    cancellationToken).ConfigureAwait(false);
                if (written == WriteResult.Written)
                {
                    retired.Add(id);
                }
            }

            return new CohortInitialization(overridden, retired);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Reads one cohort from the store again and takes it as it is there (announcing it when it changed): what a
    /// signal from another instance's write calls for.
    /// </summary>
    public async Task RefreshAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Put(id, await store.FindAsync(id, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Compares every cohort's version with the store's and reads again those that differ (and forgets those that are
    /// gone): what catches up with writes whose signals were lost. Returns how many were read again or forgotten.
    /// </summary>
    public async Task<int> ResyncAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var versions = await store.VersionsAsync(cancellationToken).ConfigureAwait(false);
            var stale = _stored.Keys.Where(id => !versions.ContainsKey(id))
                .Concat(versions.Where(pair => _stored.GetValueOrDefault(pair.Key)?.Version != pair.Value).Select(pair => pair.Key))
                .ToList();
            foreach (var id in stale)
            {
                Put(id, versions.ContainsKey(id) ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false) : null);
            }

            return stale.Count;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>What the start writes for a configured cohort: nothing when it was changed at run time or is stored as configured.</summary>
    private static StoredCohort? SeedFrom(StoredCohort? existing, Cohort configured) => existing switch
    {
        { ChangedAtRunTime: true, IsActive: true } => null,
        { ChangedAtRunTime: false, IsActive: true, Origin: CohortOrigin.Settings } when CohortComparer.Same(existing.Cohort, configured) => null,
        _ => new StoredCohort(configured, false),
    };

    /// <summary>
    /// Takes <paramref name="item"/> (null: no such cohort) as the cohort's state and announces it when it differs
    /// from what was held. Called in turn only.
    /// </summary>
    private void Put(CohortId id, StoredCohort? item)
    {
        var before = _stored.GetValueOrDefault(id);
        if (before is null && item is null || before is not null && item is not null && SameState(before, item))
        {
            return;
        }

        _stored = item is null ? _stored.Remove(id) : _stored.SetItem(id, item);
        _cohorts = item is { IsActive: true } ? _cohorts.SetItem(id, item.Cohort) : _cohorts.Remove(id);
        Changed?.Invoke(new CohortChange(id, item is { IsActive: true } ? item.Cohort : null));
    }

    private static bool SameState(StoredCohort left, StoredCohort right) =>
        left.Version == right.Version && left.Status == right.Status && left.ChangedAtRunTime == right.ChangedAtRunTime
        && left.Origin == right.Origin && CohortComparer.Same(left.Cohort, right.Cohort);

    private static ImmutableDictionary<CohortId, Cohort> ActiveOf(ImmutableDictionary<CohortId, StoredCohort> stored) =>
        stored.Values.Where(item => item.IsActive).ToImmutableDictionary(item => item.Cohort.Id, item => item.Cohort);
}

/// <summary>Value comparison of cohorts, whose collections compare by reference in record equality.</summary>
public static class CohortComparer
{
    public static bool Same(Cohort left, Cohort right) =>
        left with { SkippedDates = [], Pauses = [], Moderators = [], Milestones = [] } == right with { SkippedDates = [], Pauses = [], Moderators = [], Milestones = [] }
        && left.SkippedDates.SetEquals(right.SkippedDates)
        && left.Pauses.SequenceEqual(right.Pauses)
        && left.Moderators.SequenceEqual(right.Moderators)
        && left.Milestones.SequenceEqual(right.Milestones);
}
