using System.Globalization;
using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Reminders;

namespace DevOps90.Bot.Storage;

/// <summary>Reminders in the bot's database; the same statements on SQLite and PostgreSQL.</summary>
public sealed class SqlReminderStore(IDatabase database) : IReminderStore
{
    private const string Columns =
        "cohort_id AS CohortId, member_id AS MemberId, local_time AS LocalTime, time_zone AS TimeZone, language AS Language, " +
        "next_at AS NextAt, blocked_at AS BlockedAt";

    public Task SetAsync(Reminder reminder, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO reminders (cohort_id, member_id, local_time, time_zone, language, next_at, blocked_at) " +
                "VALUES (@Cohort, @Member, @LocalTime, @Zone, @Language, @NextAt, NULL) " +
                "ON CONFLICT (cohort_id, member_id) DO UPDATE SET local_time = excluded.local_time, time_zone = excluded.time_zone, " +
                "language = excluded.language, next_at = excluded.next_at, blocked_at = NULL",
                new
                {
                    Cohort = reminder.Cohort.Value,
                    Member = reminder.MemberId,
                    LocalTime = reminder.At.ToString("HH:mm", CultureInfo.InvariantCulture),
                    Zone = reminder.TimeZoneId,
                    reminder.Language,
                    NextAt = reminder.NextAt.ToUnixTimeMilliseconds(),
                    cancellationToken,
                }),
            cancellationToken);

    public async Task<Reminder?> FindAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM reminders WHERE cohort_id = @Cohort AND member_id = @Member",
            new { Cohort = cohort.Value, Member = memberId, cancellationToken }).ConfigureAwait(false);
        return row?.ToReminder();
    }

    public async Task<bool> RemoveAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        await database.RunAsync(
            connection => connection.ExecuteAsync(
                "DELETE FROM reminders WHERE cohort_id = @Cohort AND member_id = @Member",
                new { Cohort = cohort.Value, Member = memberId, cancellationToken }),
            cancellationToken).ConfigureAwait(false) > 0;

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        // The partial index (next_at) WHERE blocked_at IS NULL: what is due, without reading the others.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM reminders WHERE blocked_at IS NULL AND next_at <= @Now ORDER BY next_at LIMIT @Limit",
            new { Now = now.ToUnixTimeMilliseconds(), Limit = limit, cancellationToken }).ConfigureAwait(false);
        return [.. rows.Select(row => row.ToReminder())];
    }

    public async Task<bool> RescheduleAsync(CohortId cohort, string memberId, DateTimeOffset expected, DateTimeOffset nextAt, CancellationToken cancellationToken = default) =>
        await database.RunAsync(
            connection => connection.ExecuteAsync(
                "UPDATE reminders SET next_at = @To WHERE cohort_id = @Cohort AND member_id = @Member AND next_at = @From",
                new { Cohort = cohort.Value, Member = memberId, From = expected.ToUnixTimeMilliseconds(), To = nextAt.ToUnixTimeMilliseconds(), cancellationToken }),
            cancellationToken).ConfigureAwait(false) > 0;

    public Task MarkBlockedAsync(CohortId cohort, string memberId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                "UPDATE reminders SET blocked_at = @At WHERE cohort_id = @Cohort AND member_id = @Member",
                new { Cohort = cohort.Value, Member = memberId, At = at.ToUnixTimeMilliseconds(), cancellationToken }),
            cancellationToken);

    public async Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        int deleted;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            deleted = await connection.ExecuteAsync(
                "DELETE FROM reminders WHERE member_id = @Member",
                new { Member = memberId, cancellationToken }).ConfigureAwait(false);
            // Ledger keys are "yyyy-MM-dd/<member id>": the member id starts at character 12.
            await connection.ExecuteAsync(
                "DELETE FROM reminder_ledger WHERE substr(post_key, 12) = @Member",
                new { Member = memberId, cancellationToken }).ConfigureAwait(false);
        }

        await database.ScrubAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public Task PruneLedgerAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.RunAsync(connection => connection.ExecuteAsync("DELETE FROM reminder_ledger WHERE scheduled_at < @Before", new { Before = before.ToUnixTimeMilliseconds(), cancellationToken }), cancellationToken);

    internal sealed class Row
    {
        public string CohortId { get; set; } = "";

        public string MemberId { get; set; } = "";

        public string LocalTime { get; set; } = "";

        public string? TimeZone { get; set; }

        public string? Language { get; set; }

        public long NextAt { get; set; }

        public long? BlockedAt { get; set; }

        public Reminder ToReminder() => new(
            new CohortId(CohortId),
            MemberId,
            TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture),
            TimeZone,
            Language,
            DateTimeOffset.FromUnixTimeMilliseconds(NextAt),
            BlockedAt is { } blocked ? DateTimeOffset.FromUnixTimeMilliseconds(blocked) : null);
    }
}
