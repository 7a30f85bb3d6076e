using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Testing;

/// <summary>The delivery ledger's rules in memory, for tests of what uses it; the SQL ledgers pass the same contract tests.</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DeliveryKey, DeliveryRecord> _records = [];

    public IReadOnlyList<DeliveryRecord> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _records.Values.OrderBy(record => record.ScheduledAt)];
            }
        }
    }

    public Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue(key, out var record))
            {
                return Task.FromResult(new ClaimResult(ClaimOutcome.Claimed, _records[key] = new DeliveryRecord(key, DeliveryState.Claimed, scheduledAt, now, 1)));
            }

            if (LedgerRules.MayReclaim(record, now, lease))
            {
                return Task.FromResult(new ClaimResult(ClaimOutcome.Claimed, _records[key] = record with
                {
                    State = DeliveryState.Claimed,
                    UpdatedAt = now,
                    Attempts = record.Attempts + 1,
                    NextAttemptAt = null,
                }));
            }

            return Task.FromResult(new ClaimResult(LedgerRules.IsSettled(record) ? ClaimOutcome.Settled : ClaimOutcome.Busy, record));
        }
    }

    // A cancelled token fails the write, as a database call would: callers that must record anyway pass none.
    public Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Update(key, record => record with { State = DeliveryState.Sent, MessageId = messageId, UpdatedAt = now, Reason = null });

    public Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Update(key, record => record with { State = DeliveryState.Failed, Reason = reason, IsPermanent = permanent, NextAttemptAt = nextAttemptAt, UpdatedAt = now });

    public Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _records.TryAdd(key, new DeliveryRecord(key, DeliveryState.Skipped, scheduledAt, now, 0, Reason: reason));
        }

        return Task.CompletedTask;
    }

    public Task<string?> MarkThreadAsync(DeliveryKey key, string threadId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue(key, out var record))
            {
                return Task.FromResult<string?>(null);
            }

            if (record.ThreadId is null)
            {
                _records[key] = record = record with { ThreadId = threadId };
            }

            return Task.FromResult<string?>(record.ThreadId);
        }
    }

    public Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault(key));
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<DeliveryRecord> recent = [.. _records.Values.Where(record => record.Key.Cohort == cohort).OrderByDescending(record => record.ScheduledAt).Take(count)];
            return Task.FromResult(recent);
        }
    }

    /// <summary>Puts a line in the ledger as it would be after a crash, for tests of recovery.</summary>
    public void Seed(DeliveryRecord record)
    {
        lock (_lock)
        {
            _records[record.Key] = record;
        }
    }

    private Task Update(DeliveryKey key, Func<DeliveryRecord, DeliveryRecord> change)
    {
        lock (_lock)
        {
            _records[key] = change(_records[key]);
        }

        return Task.CompletedTask;
    }
}
