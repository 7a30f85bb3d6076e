namespace DevOps90.Bot.Core.Cohorts;

/// <summary>
/// What the feed tells: one cohort was written by some instance (this one included); or the posts of a slot fell due
/// and the instance whose trigger fired asks the others to send them too (<see cref="Due"/>); or, with neither, that
/// writes may have been missed (the feed has just connected or reconnected), so every cohort should be compared with
/// the store.
/// </summary>
public sealed record CohortSignal(CohortId? Changed)
{
    public static CohortSignal Resync { get; } = new((CohortId?)null);

    public PostsDue? Due { get; init; }

    public static CohortSignal PostsDueAt(PostSlot slot, string origin) => new((CohortId?)null) { Due = new PostsDue(slot, origin) };
}

/// <summary>The daily posts of <paramref name="Slot"/> fell due; <paramref name="Origin"/> is the instance whose trigger fired.</summary>
public sealed record PostsDue(PostSlot Slot, string Origin);

/// <summary>
/// Tells the other instances on the shared database that the posts of a slot fell due, so that each sends them
/// beside the instance whose trigger fired: the bot's rate limit is split between the instances, and one alone would
/// send at its share. The ledger still lets each post through once.
/// </summary>
public interface IPostsDueAnnouncer
{
    Task AnnounceAsync(PostSlot slot, CancellationToken cancellationToken = default);
}

/// <summary>A store that serves one process (SQLite) has nobody to tell.</summary>
public sealed class LocalPostsDueAnnouncer : IPostsDueAnnouncer
{
    public Task AnnounceAsync(PostSlot slot, CancellationToken cancellationToken = default) => Task.CompletedTask;
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
