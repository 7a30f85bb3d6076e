using System.Data.Common;
using System.Text.Json;
using Dapper;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Storage;

/// <summary>
/// Cohorts in the bot's database, one JSON document per cohort with its origin, status and version beside it. Every
/// write is one conditional statement (an insert that does nothing when the id exists, an update of the version it is
/// based on), and on an engine that serves several instances it signals the cohort in the same transaction, so the
/// signal goes out exactly when the write is committed.
/// </summary>
public sealed class SqlCohortStore(IDatabase database, TimeProvider time) : ICohortStore
{
    private const string Columns =
        "definition AS Definition, changed_at_run_time AS ChangedAtRunTime, origin AS Origin, status AS Status, status_since AS StatusSince, version AS Version";

    private const string Insert =
        "INSERT INTO cohorts (id, definition, changed_at_run_time, updated_at, origin, status, status_since, version) " +
        "VALUES (@Id, @Definition, @ChangedAtRunTime, @Now, @Origin, @Status, @StatusSince, 1) " +
        "ON CONFLICT DO NOTHING RETURNING version";

    private const string Update =
        "UPDATE cohorts SET definition = @Definition, changed_at_run_time = @ChangedAtRunTime, updated_at = @Now, origin = @Origin, " +
        "status = @Status, status_since = @StatusSince, version = version + 1 WHERE id = @Id AND version = @Version RETURNING version";

    // Everything recorded for a cohort, deleted with it (tables without a foreign key to cohorts: they predate it).
    private static readonly string[] _recordTables = ["check_ins", "leaderboard_messages", "delivery_ledger", "reminders", "reminder_ledger", "shares", "milestones", "milestone_role_problems"];

    public async Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM cohorts ORDER BY id",
            new { cancellationToken }).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    public async Task<StoredCohort?> FindAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM cohorts WHERE id = @Id",
            new { Id = id.Value, cancellationToken }).ConfigureAwait(false);
        return rows.Select(ToStored).SingleOrDefault();
    }

    public async Task<IReadOnlyDictionary<CohortId, long>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<VersionRow>(
            "SELECT id AS Id, version AS Version FROM cohorts",
            new { cancellationToken }).ConfigureAwait(false);
        return rows.ToDictionary(row => new CohortId(row.Id), row => row.Version);
    }

    public async Task<long?> TrySaveAsync(StoredCohort cohort, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new
        {
            Id = cohort.Cohort.Id.Value,
            Definition = Serialize(cohort.Cohort),
            ChangedAtRunTime = cohort.ChangedAtRunTime ? 1 : 0,
            Now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Origin = cohort.Origin.ToString().ToLowerInvariant(),
            Status = cohort.Status.ToString().ToLowerInvariant(),
            StatusSince = cohort.StatusSince?.ToUnixTimeMilliseconds(),
            cohort.Version,
            cancellationToken,
        };
        long? version;
        try
        {
            // One call per statement: Dapper.AOT leaves a call whose SQL is a choice of two to run-time reflection.
            version = cohort.Version == 0
                ? await connection.QuerySingleOrDefaultAsync<long?>(Insert, parameters, transaction).ConfigureAwait(false)
                : await connection.QuerySingleOrDefaultAsync<long?>(Update, parameters, transaction).ConfigureAwait(false);
        }
        catch (DbException exception) when (database.Dialect.IsChannelTaken(exception))
        {
            // An update (an insert does nothing instead) into a channel that has another created cohort: the
            // transaction is rolled back when disposed, and the caller learns why.
            throw new CohortChannelTakenException(cohort.Cohort.Id, cohort.Cohort.Target);
        }

        if (version is not null)
        {
            await SignalAsync(connection, transaction, cohort.Cohort.Id, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }

    public async Task<bool> DeleteAsync(CohortId id, long? version = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        // The cohort first: when it is not at the version asked for, nothing else is touched.
        var deleted = await connection.ExecuteAsync(
            "DELETE FROM cohorts WHERE id = @Id AND (@Version IS NULL OR version = @Version)",
            new { Id = id.Value, Version = version, cancellationToken },
            transaction).ConfigureAwait(false);
        if (deleted == 0 && version is not null)
        {
            return false;
        }

        foreach (var table in _recordTables)
        {
            await connection.ExecuteAsync(
                $"DELETE FROM {table} WHERE cohort_id = @Id",
                new { Id = id.Value },
                transaction).ConfigureAwait(false);
        }

        await SignalAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await database.ScrubAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task SignalAsync(DbConnection connection, DbTransaction transaction, CohortId id, CancellationToken cancellationToken)
    {
        if (database.Dialect.SignalCohortChanged is { } signal)
        {
            await connection.ExecuteAsync(signal, new { Id = id.Value }, transaction).ConfigureAwait(false);
        }
    }

    internal sealed class Row
    {
        public string Definition { get; set; } = "";

        public long ChangedAtRunTime { get; set; }

        public string Origin { get; set; } = "";

        public string Status { get; set; } = "";

        public long? StatusSince { get; set; }

        public long Version { get; set; }
    }

    internal sealed class VersionRow
    {
        public string Id { get; set; } = "";

        public long Version { get; set; }
    }

    // A method of its own: Dapper.AOT 1.1.0 leaves a call to run-time reflection when a parameter's value is a
    // JsonSerializer call written in the parameters' initializer.
    private static string Serialize(Cohort cohort) => JsonSerializer.Serialize(CohortDocument.From(cohort), StorageJsonContext.Default.CohortDocument);

    private static StoredCohort ToStored(Row row) => new(
        JsonSerializer.Deserialize(row.Definition, StorageJsonContext.Default.CohortDocument)!.ToCohort(),
        row.ChangedAtRunTime != 0,
        Enum.Parse<CohortOrigin>(row.Origin, ignoreCase: true),
        Enum.Parse<CohortStatus>(row.Status, ignoreCase: true),
        row.StatusSince is { } since ? DateTimeOffset.FromUnixTimeMilliseconds(since) : null,
        row.Version);
}
