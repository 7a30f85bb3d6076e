namespace DevOps90.Bot.Core.Cohorts;

/// <summary>
/// What the feed tells: one cohort was written by some instance (this one included), or, with no id, that writes may
/// have been missed (the feed has just connected or reconnected), so every cohort should be compared with the store.
/// </summary>
public sealed record CohortSignal(CohortId? Changed)
{
    public static CohortSignal Resync { get; } = new((CohortId?)null);
}

/// <summary>
/// Tells this instance, as soon as they are committed, of the cohort writes every instance on the shared database
/// makes, so that a change made on one is what all of them answer, schedule and post by. A feed may lose signals
/// (a dropped connection); it then sends <see cref="CohortSignal.Resync"/> once it is back, and the reader resynchronizes
/// periodically anyway.
/// </summary>
public interface ICohortChangeFeed
{
    /// <summary>Calls <paramref name="onSignal"/> for each signal, one at a time, until cancelled.</summary>
    Task RunAsync(Func<CohortSignal, CancellationToken, Task> onSignal, CancellationToken cancellationToken);
}

/// <summary>
/// The feed of a store that serves one process (SQLite): every write is this process's own, already in its registry.
/// It still says <see cref="CohortSignal.Resync"/> once, so both engines follow the same path.
/// </summary>
public sealed class LocalCohortFeed : ICohortChangeFeed
{
    public async Task RunAsync(Func<CohortSignal, CancellationToken, Task> onSignal, CancellationToken cancellationToken)
    {
        await onSignal(CohortSignal.Resync, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }
}
