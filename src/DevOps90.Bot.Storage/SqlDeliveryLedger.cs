using System.Data.Common;
using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Storage;

/// <summary>
/// The delivery ledger in the bot's database. A claim is one statement (insert the line, or take over a lapsed one,
/// returning it only to the caller that did), so of any number of instances claiming at once exactly one gets it,
/// on SQLite and on PostgreSQL alike.
/// </summary>
/// The reminders' ledger is the same class on a table of its own (<see cref="ForReminders"/>).
public sealed class SqlDeliveryLedger(IDatabase database, string table = "delivery_ledger") : IDeliveryLedger
{
    private const string Columns =
        "cohort_id AS CohortId, post_key AS PostKey, state AS State, scheduled_at AS ScheduledAt, updated_at AS UpdatedAt, " +
        "attempts AS Attempts, message_id AS MessageId, reason AS Reason, permanent AS Permanent, next_attempt_at AS NextAttemptAt, thread_id AS ThreadId";

    // The WHERE is LedgerRules.MayReclaim. On a conflict each engine updates the line as it is once the other
    // writers are done with it (SQLite: one writer at a time; PostgreSQL: the row lock, then the WHERE is checked on
    // the latest version), so a second claimant finds the line claimed and gets no row back.
    private readonly string _claim = (
        "INSERT INTO delivery_ledger (cohort_id, post_key, state, scheduled_at, updated_at, attempts, owner) " +
        "VALUES (@Cohort, @Post, 'claimed', @ScheduledAt, @Now, 1, @Owner) " +
        "ON CONFLICT (cohort_id, post_key) DO UPDATE SET state = 'claimed', updated_at = excluded.updated_at, " +
        "attempts = delivery_ledger.attempts + 1, owner = excluded.owner, next_attempt_at = NULL " +
        "WHERE (delivery_ledger.state = 'claimed' AND delivery_ledger.updated_at + @Lease <= @Now) " +
        "OR (delivery_ledger.state = 'failed' AND delivery_ledger.permanent = 0 AND delivery_ledger.next_attempt_at <= @Now) " +
        $"RETURNING {Columns}").Replace("delivery_ledger", table, StringComparison.Ordinal);

    public static SqlDeliveryLedger ForReminders(IDatabase database) => new(database, "reminder_ledger");

    public async Task<ClaimResult> TryClaimAsync(DeliveryKey key, DateTimeOffset scheduledAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new
        {
            Cohort = key.Cohort.Value,
            key.Post,
            ScheduledAt = Millis(scheduledAt),
            Now = Millis(now),
            Owner = owner,
            Lease = (long)lease.TotalMilliseconds,
        };
        while (true)
        {
            var claimed = await connection.QuerySingleOrDefaultAsync<LedgerRow>(_claim, parameters).ConfigureAwait(false);
            if (claimed is not null)
            {
                return new ClaimResult(ClaimOutcome.Claimed, claimed.ToRecord());
            }

            // Someone else holds it, or it is settled: what the line says now is only for the caller to report.
            // (Gone again already, deleted with its cohort: then the claim is tried once more.)
            if (await FindAsync(connection, key, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new ClaimResult(LedgerRules.IsSettled(existing) ? ClaimOutcome.Settled : ClaimOutcome.Busy, existing);
            }
        }
    }

    public Task MarkSentAsync(DeliveryKey key, string messageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                $"UPDATE {table} SET state = 'sent', message_id = @MessageId, reason = NULL, updated_at = @Now WHERE cohort_id = @Cohort AND post_key = @Post",
                new { Cohort = key.Cohort.Value, key.Post, MessageId = messageId, Now = Millis(now) }),
            cancellationToken);

    public Task MarkFailedAsync(DeliveryKey key, string reason, bool permanent, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                $"UPDATE {table} SET state = 'failed', reason = @Reason, permanent = @Permanent, next_attempt_at = @NextAttemptAt, updated_at = @Now " +
                "WHERE cohort_id = @Cohort AND post_key = @Post",
                new { Cohort = key.Cohort.Value, key.Post, Reason = reason, Permanent = permanent ? 1 : 0, NextAttemptAt = nextAttemptAt is { } next ? Millis(next) : (long?)null, Now = Millis(now) }),
            cancellationToken);

    public Task MarkSkippedAsync(DeliveryKey key, DateTimeOffset scheduledAt, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                $"INSERT INTO {table} (cohort_id, post_key, state, scheduled_at, updated_at, attempts, reason) " +
                "VALUES (@Cohort, @Post, 'skipped', @ScheduledAt, @Now, 0, @Reason) ON CONFLICT (cohort_id, post_key) DO NOTHING",
                new { Cohort = key.Cohort.Value, key.Post, ScheduledAt = Millis(scheduledAt), Now = Millis(now), Reason = reason }),
            cancellationToken);

    /// <summary>One statement: the first thread recorded stays, whoever records one later reads it back.</summary>
    public async Task<string?> MarkThreadAsync(DeliveryKey key, string threadId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // No cancellation token among the parameters: with a statement that is not a constant (the ledger's table),
        // Dapper.AOT 1.1.0 generates code that does not compile; the ledger's other statements pass none either.
        var parameters = new { Cohort = key.Cohort.Value, key.Post, Thread = threadId };
        await connection.ExecuteAsync(
            $"UPDATE {table} SET thread_id = @Thread WHERE cohort_id = @Cohort AND post_key = @Post AND thread_id IS NULL",
            parameters).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            $"SELECT thread_id FROM {table} WHERE cohort_id = @Cohort AND post_key = @Post",
            parameters).ConfigureAwait(false);
    }

    public async Task<DeliveryRecord?> FindAsync(DeliveryKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> RecentAsync(CohortId cohort, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<LedgerRow>(
            $"SELECT {Columns} FROM {table} WHERE cohort_id = @Cohort ORDER BY scheduled_at DESC LIMIT @Count",
            new { Cohort = cohort.Value, Count = count }).ConfigureAwait(false);
        return [.. rows.Select(row => row.ToRecord())];
    }

    private async Task<DeliveryRecord?> FindAsync(DbConnection connection, DeliveryKey key, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LedgerRow>(
            $"SELECT {Columns} FROM {table} WHERE cohort_id = @Cohort AND post_key = @Post",
            new { Cohort = key.Cohort.Value, key.Post }).ConfigureAwait(false);
        return row?.ToRecord();
    }

    private static long Millis(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    internal sealed class LedgerRow
    {
        public string CohortId { get; set; } = "";

        public string PostKey { get; set; } = "";

        public string State { get; set; } = "";

        public long ScheduledAt { get; set; }

        public long UpdatedAt { get; set; }

        public long Attempts { get; set; }

        public string? MessageId { get; set; }

        public string? Reason { get; set; }

        public long Permanent { get; set; }

        public long? NextAttemptAt { get; set; }

        public string? ThreadId { get; set; }

        public DeliveryRecord ToRecord() => new(
            new DeliveryKey(new CohortId(CohortId), PostKey),
            Enum.Parse<DeliveryState>(State, ignoreCase: true),
            DateTimeOffset.FromUnixTimeMilliseconds(ScheduledAt),
            DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
            (int)Attempts,
            MessageId,
            Reason,
            Permanent != 0,
            NextAttemptAt is { } next ? DateTimeOffset.FromUnixTimeMilliseconds(next) : null) { ThreadId = ThreadId };
    }
}
