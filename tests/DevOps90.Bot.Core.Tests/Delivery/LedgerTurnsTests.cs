using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Delivery;

public sealed class LedgerTurnsTests
{
    private static readonly DateTimeOffset _now = DateTimeOffset.Parse("2027-01-02T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task FindAsync_HundredSendersAtOnce_AtMostTheReadTurnsHoldTheStore()
    {
        var store = new HeldReads(new InMemoryDeliveryLedger());
        var turns = new LedgerTurns(store, writes: 2, reads: 8, TimeProvider.System);

        var reads = Enumerable.Range(1, 100).Select(day => turns.FindAsync(Key(day))).ToList();
        await store.WaitUntilHeldAsync(8);
        // A claim does not queue behind the reads: it has turns of its own.
        var claim = await turns.TryClaimAsync(Key(1), _now, "instance", _now, TimeSpan.FromMinutes(2));
        store.Open();
        await Task.WhenAll(reads);

        Assert.Equal(8, store.MaxHeld);
        Assert.Equal(ClaimOutcome.Claimed, claim.Outcome);
    }

    [Fact]
    public async Task TryClaimAsync_TurnWaitedFor_IsDatedWhenWrittenSoTheLeaseStartsThen()
    {
        var clock = new FakeTimeProvider(_now);
        var store = new HeldWrites(new InMemoryDeliveryLedger());
        var turns = new LedgerTurns(store, writes: 1, reads: 8, clock);

        var first = turns.MarkSkippedAsync(Key(1), _now, "a slow write", _now);
        await store.Held.Task;
        var claim = turns.TryClaimAsync(Key(2), _now, "instance", _now, TimeSpan.FromMinutes(2));
        // Ninety seconds in the queue behind a slow write: a claim dated when asked would have 30 s of its lease left.
        clock.Advance(TimeSpan.FromSeconds(90));
        store.Open();
        await first;

        var claimed = await claim;
        Assert.Equal(ClaimOutcome.Claimed, claimed.Outcome);
        Assert.Equal(_now.AddSeconds(90), store.ClaimedAt);
    }

    private static DeliveryKey Key(int day) => new(new CohortId("fanout"), $"day-{day}");

    /// <summary>A ledger whose skips wait at a gate until it opens; remembers when the claim said it was made.</summary>
    private sealed class HeldWrites(IDeliveryLedger inner) : IDeliveryLedger
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset? ClaimedAt { get; private set; }

        public void Open() => _gate.TrySetResult();

        public Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default) => inner.FindAsync(key, cancellationToken);

        public Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default) =>
            inner.RecentAsync(cohort, count, cancellationToken);

        public Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
        {
            ClaimedAt = now;
            return inner.TryClaimAsync(key, scheduledAt, owner, now, lease, cancellationToken);
        }

        public Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.MarkSentAsync(key, messageId, now, cancellationToken);

        public Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(key, reason, permanent, nextAttemptAt, now, cancellationToken);

        public async Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
        {
            Held.TrySetResult();
            await _gate.Task;
            await inner.MarkSkippedAsync(key, scheduledAt, reason, now, cancellationToken);
        }

        public Task<string?> MarkThreadAsync(DeliveryKey key, string threadId, CancellationToken cancellationToken = default) =>
            inner.MarkThreadAsync(key, threadId, cancellationToken);
    }

    /// <summary>A ledger whose reads wait at a gate until it opens, counting how many wait at once.</summary>
    private sealed class HeldReads(IDeliveryLedger inner) : IDeliveryLedger
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _count = new();
        private int _held;

        public int MaxHeld { get; private set; }

        public void Open() => _gate.TrySetResult();

        public async Task WaitUntilHeldAsync(int count)
        {
            while (Volatile.Read(ref _held) < count)
            {
                await Task.Delay(10);
            }

            // Room for a ninth to arrive if the turns let it through.
            await Task.Delay(100);
        }

        public async Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default)
        {
            var held = Interlocked.Increment(ref _held);
            lock (_count)
            {
                MaxHeld = Math.Max(MaxHeld, held);
            }

            await _gate.Task;
            Interlocked.Decrement(ref _held);
            return await inner.FindAsync(key, cancellationToken);
        }

        public Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default) =>
            inner.RecentAsync(cohort, count, cancellationToken);

        public Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
            inner.TryClaimAsync(key, scheduledAt, owner, now, lease, cancellationToken);

        public Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.MarkSentAsync(key, messageId, now, cancellationToken);

        public Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(key, reason, permanent, nextAttemptAt, now, cancellationToken);

        public Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.MarkSkippedAsync(key, scheduledAt, reason, now, cancellationToken);

        public Task<string?> MarkThreadAsync(DeliveryKey key, string threadId, CancellationToken cancellationToken = default) =>
            inner.MarkThreadAsync(key, threadId, cancellationToken);
    }
}
