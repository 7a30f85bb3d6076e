using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>
/// The record of every daily post: claimed before it is sent, in one transaction, so that two instances, a retry or
/// a misfire can never post the same thing twice.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>
    /// Takes the post for <paramref name="owner"/> unless it is settled, held under a live lease by another claim,
    /// or waiting for its next retry.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>A failure; a transient one is tried again from <paramref name="nextAttemptAt"/>.</summary>
    Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a post that will not be sent, unless the ledger already has a line for it.</summary>
    Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the thread a sent post opened (or "-" when it cannot be opened for good), unless one is recorded
    /// already; returns the thread recorded now, this one or the earlier one.
    /// </summary>
    Task<string?> MarkThreadAsync(DeliveryKey key, string threadId, CancellationToken cancellationToken = default);

    Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default);

    /// <summary>The latest lines of a cohort, newest scheduled first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default);
}
