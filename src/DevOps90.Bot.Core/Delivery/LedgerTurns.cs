using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>
/// The ledger, written at most <c>writes</c> at a time: its writes are short, and its store runs them one at a time
/// anyway (SQLite has a single writer, and a writer waiting for the lock sleeps on a blocked thread). When a hundred
/// senders claim posts in the same second, they take turns here without holding threads, and the thread pool stays
/// free for the network. Reads take turns of their own, <c>reads</c> at a time, so that a claim never queues behind a
/// hundred reads, and a hundred senders never hold a hundred database connections: on PostgreSQL each is a server
/// process, and N instances would exhaust its max_connections (100 by default) in a busy minute. A caller's
/// cancellation ends only its wait for a turn, never a call under way.
/// <para>
/// A write is dated when it is made, not when it was asked for: the time waited for the turn is added to its
/// <c>now</c>. A claim dated at the request would otherwise have lost that wait from its lease before it began, and
/// under a long queue another instance could take over a post whose sender had only just started on it.
/// </para>
/// </summary>
#pragma warning disable CA1001 // A SemaphoreSlim holds no OS handle unless its AvailableWaitHandle is asked for; this never asks.
internal sealed class LedgerTurns(IDeliveryLedger inner, int writes, int reads, TimeProvider time) : IDeliveryLedger
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim _writes = new(writes, writes);
    private readonly SemaphoreSlim _reads = new(reads, reads);

    public Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        InTurnAsync(_writes, waited => inner.TryClaimAsync(key, scheduledAt, owner, now + waited, lease, cancellationToken), cancellationToken);

    public Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTurnAsync(_writes, waited => inner.MarkSentAsync(key, messageId, now + waited, cancellationToken), cancellationToken);

    public Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTurnAsync(_writes, waited => inner.MarkFailedAsync(key, reason, permanent, nextAttemptAt + waited, now + waited, cancellationToken), cancellationToken);

    public Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTurnAsync(_writes, waited => inner.MarkSkippedAsync(key, scheduledAt, reason, now + waited, cancellationToken), cancellationToken);

    public Task<string?> MarkThreadAsync(DeliveryKey key, string threadId, CancellationToken cancellationToken = default) =>
        InTurnAsync(_writes, _ => inner.MarkThreadAsync(key, threadId, cancellationToken), cancellationToken);

    public Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default) =>
        InTurnAsync(_reads, _ => inner.FindAsync(key, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default) =>
        InTurnAsync(_reads, _ => inner.RecentAsync(cohort, count, cancellationToken), cancellationToken);

    private async Task InTurnAsync(SemaphoreSlim turns, Func<TimeSpan, Task> call, CancellationToken cancellationToken) =>
        await InTurnAsync(turns, async waited =>
        {
            await call(waited).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs <paramref name="call"/> in a turn, telling it how long the turn was waited for.</summary>
    private async Task<T> InTurnAsync<T>(SemaphoreSlim turns, Func<TimeSpan, Task<T>> call, CancellationToken cancellationToken)
    {
        var asked = time.GetTimestamp();
        await turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(time.GetElapsedTime(asked)).ConfigureAwait(false);
        }
        finally
        {
            turns.Release();
        }
    }
}
