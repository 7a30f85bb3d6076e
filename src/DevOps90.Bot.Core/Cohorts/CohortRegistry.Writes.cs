namespace DevOps90.Bot.Core.Cohorts;

/// <summary>How a run-time change ended (see <see cref="CohortRegistry.UpdateAsync"/>).</summary>
public enum CohortUpdateStatus
{
    Saved,

    /// <summary>The change asked for nothing to be written (its check failed on the cohort as it is now).</summary>
    Declined,

    /// <summary>The cohort is no longer active: archived, retired or deleted, possibly by another instance meanwhile.</summary>
    Gone,

    /// <summary>Other writes kept coming first, attempt after attempt: nothing was written.</summary>
    Conflict,

    /// <summary>
    /// The change would put the cohort in a channel another active cohort of the <c>/cohort create</c> kind already
    /// has (perhaps created by another instance meanwhile): nothing was written.
    /// </summary>
    ChannelTaken,
}

/// <summary>A run-time change's outcome, with the cohort as saved when it was.</summary>
public sealed record CohortUpdate(CohortUpdateStatus Status, Cohort? Cohort = null);

/// <summary>
/// A store refused a write that would give a channel a second active cohort of the <c>/cohort create</c> kind (one per
/// channel, decided by the database); nothing was written. The registry turns it into <see cref="CohortUpdateStatus.ChannelTaken"/>.
/// </summary>
public sealed class CohortChannelTakenException(CohortId id, ChatTarget target)
    : Exception($"Cohort {id} cannot move to {target}: another active cohort created by command is there; nothing was written");

/// <summary>A write based on a version of the cohort that another instance has replaced meanwhile.</summary>
public sealed class CohortConflictException(CohortId id)
    : Exception($"Cohort {id} was changed by another instance meanwhile: nothing was written; read it again and retry");

/// <summary>
/// Run-time writes. Each is conditional on the version it is based on; when another instance wrote first, the registry
/// reads the cohort again and decides again on what is there now (a change is re-applied to the new version, a creation
/// finds the id taken): a moderator's <c>/cohort time</c> is about one setting, so it should not undo, nor be undone by,
/// a <c>/cohort pause</c> made on another instance the same second.
/// </summary>
public sealed partial class CohortRegistry
{
    // Each lost attempt means another write to the same cohort landed in between: five in a row do not happen by chance.
    private const int MaxAttempts = 5;

    private enum WriteResult
    {
        Written,
        NothingToWrite,
        Conflict,
        ChannelTaken,
    }

    /// <summary>
    /// Creates a cohort of the <c>/cohort create</c> kind unless its id is taken, here or (meanwhile) by another
    /// instance; a taken id is never overwritten. Returns whether it was created.
    /// </summary>
    public async Task<bool> CreateAsync(Cohort cohort, CancellationToken cancellationToken = default)
    {
        var (_, result) = await InTurnAsync(
            cohort.Id, existing => existing is null ? new StoredCohort(cohort, true, CohortOrigin.Command) : null, MaxAttempts, cancellationToken).ConfigureAwait(false);
        return result == WriteResult.Written;
    }

    /// <summary>
    /// Changes an active cohort at run time: <paramref name="edit"/> gets the cohort as it is now and returns the
    /// changed one, or null to write nothing. It is called again on the newer version when another instance wrote first.
    /// </summary>
    public async Task<CohortUpdate> UpdateAsync(CohortId id, Func<Cohort, Cohort?> edit, CancellationToken cancellationToken = default)
    {
        var gone = false;
        var (current, result) = await InTurnAsync(
            id,
            existing =>
            {
                gone = existing is not { IsActive: true };
                return !gone && edit(existing!.Cohort) is { } changed ? existing! with { Cohort = changed, ChangedAtRunTime = true } : null;
            },
            MaxAttempts,
            cancellationToken).ConfigureAwait(false);
        return result switch
        {
            WriteResult.Written => new CohortUpdate(CohortUpdateStatus.Saved, current!.Cohort),
            WriteResult.Conflict => new CohortUpdate(CohortUpdateStatus.Conflict),
            WriteResult.ChannelTaken => new CohortUpdate(CohortUpdateStatus.ChannelTaken),
            _ => new CohortUpdate(gone ? CohortUpdateStatus.Gone : CohortUpdateStatus.Declined),
        };
    }

    /// <summary>
    /// Creates or replaces a cohort (active again, a new one of the <c>/cohort create</c> kind) based on the version this
    /// registry holds; throws <see cref="CohortConflictException"/> when another instance wrote first, having read the
    /// cohort again, and <see cref="CohortChannelTakenException"/> when its channel has another created cohort.
    /// </summary>
    public async Task SaveAsync(Cohort cohort, CancellationToken cancellationToken = default)
    {
        var (_, result) = await InTurnAsync(
            cohort.Id, existing => new StoredCohort(cohort, true, existing?.Origin ?? CohortOrigin.Command), 1, cancellationToken).ConfigureAwait(false);
        if (result == WriteResult.Conflict)
        {
            throw new CohortConflictException(cohort.Id);
        }

        if (result == WriteResult.ChannelTaken)
        {
            throw new CohortChannelTakenException(cohort.Id, cohort.Target);
        }
    }

    /// <summary>Ends a cohort without deleting anything: no schedule, no post, its data kept until the retention rule.</summary>
    public async Task ArchiveAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var (_, result) = await InTurnAsync(
            id, existing => existing is null ? null : existing with { Status = CohortStatus.Archived, StatusSince = now }, MaxAttempts, cancellationToken).ConfigureAwait(false);
        if (result == WriteResult.Conflict)
        {
            throw new CohortConflictException(id);
        }
    }

    /// <summary>Deletes a cohort and everything recorded for it (see <see cref="ICohortStore.DeleteAsync"/>), whatever its version.</summary>
    public async Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.DeleteAsync(id, null, cancellationToken).ConfigureAwait(false);
            Put(id, null);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// The retention rule: archived and retired cohorts inactive for longer than <paramref name="retention"/> are
    /// deleted, each only if still at the version this rule looked at (another instance may have brought it back).
    /// </summary>
    public async Task<IReadOnlyList<CohortId>> PurgeInactiveAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        var cutoff = _time.GetUtcNow() - retention;
        var expired = _stored.Values.Where(item => !item.IsActive && item.StatusSince is { } since && since <= cutoff).ToList();
        var purged = new List<CohortId>();
        foreach (var item in expired)
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var id = item.Cohort.Id;
                if (await store.DeleteAsync(id, item.Version, cancellationToken).ConfigureAwait(false))
                {
                    Put(id, null);
                    purged.Add(id);
                }
                else
                {
                    Put(id, await store.FindAsync(id, cancellationToken).ConfigureAwait(false));
                }
            }
            finally
            {
                _turn.Release();
            }
        }

        return purged;
    }

    private async Task<(StoredCohort? Current, WriteResult Result)> InTurnAsync(
        CohortId id, Func<StoredCohort?, StoredCohort?> decide, int attempts, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WriteAsync(id, decide, attempts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Writes what <paramref name="decide"/> makes of the cohort as held (null: write nothing), based on its version;
    /// when another write came first, reads the cohort again and decides again, up to <paramref name="attempts"/> times.
    /// Called in turn only.
    /// </summary>
    private async Task<(StoredCohort? Current, WriteResult Result)> WriteAsync(
        CohortId id, Func<StoredCohort?, StoredCohort?> decide, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var existing = _stored.GetValueOrDefault(id);
            if (decide(existing) is not { } wanted)
            {
                return (existing, WriteResult.NothingToWrite);
            }

            var basedOn = wanted with { Version = existing?.Version ?? 0 };
            long? version;
            try
            {
                version = await store.TrySaveAsync(basedOn, cancellationToken).ConfigureAwait(false);
            }
            catch (CohortChannelTakenException)
            {
                // Deciding again cannot help: the other cohort holds the channel until it ends.
                return (existing, WriteResult.ChannelTaken);
            }

            if (version is { } written)
            {
                var saved = basedOn with { Version = written };
                Put(id, saved);
                return (saved, WriteResult.Written);
            }

            Put(id, await store.FindAsync(id, cancellationToken).ConfigureAwait(false));
        }

        return (_stored.GetValueOrDefault(id), WriteResult.Conflict);
    }
}
