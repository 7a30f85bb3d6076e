using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>
/// The ledger, written at most <c>turns</c> at a time: its writes are short, and its store runs them one at a time
/// anyway (SQLite has a single writer, and a writer waiting for the lock sleeps on a blocked thread). When a hundred
/// senders claim posts in the same second, they take turns here without holding threads, and the thread pool stays
/// free for the network. Reads go straight through: they wait for no writer, and a claim queued behind a hundred
/// reads would hold the first post back. A caller's cancellation ends only its wait for a turn, never a call under way.
/// </summary>
#pragma warning disable CA1001 // A SemaphoreSlim holds no OS handle unless its AvailableWaitHandle is asked for; this never asks.
internal sealed class LedgerTurns(IDeliveryLedger inner, int turns) : IDeliveryLedger
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim _turns = new(turns, turns);

    public Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        InTurnAsync(() => inner.TryClaimAsync(key, scheduledAt, owner, now, lease, cancellationToken), cancellationToken);

    public Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTurnAsync(() => inner.MarkSentAsync(key, messageId, now, cancellationToken), cancellationToken);

    public Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTurnAsync(() => inner.MarkFailedAsync(key, reason, permanent, nextAttemptAt, now, cancellationToken), cancellationToken);

    public Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InTurnAsync(() => inner.MarkSkippedAsync(key, scheduledAt, reason, now, cancellationToken), cancellationToken);

    public Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default) =>
        inner.FindAsync(key, cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default) =>
        inner.RecentAsync(cohort, count, cancellationToken);

    private async Task InTurnAsync(Func<Task> call, CancellationToken cancellationToken) =>
        await InTurnAsync(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    private async Task<T> InTurnAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _turns.Release();
        }
    }
}
