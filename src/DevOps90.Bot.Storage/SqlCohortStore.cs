using System.Text.Json;
using Dapper;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Storage;

/// <summary>Cohorts in the bot's database, one JSON document per cohort with its origin and status beside it.</summary>
public sealed class SqlCohortStore(IDatabase database, TimeProvider time) : ICohortStore
{
    // Everything recorded for a cohort, deleted with it (tables without a foreign key to cohorts: they predate it).
    private static readonly string[] _cohortTables = ["check_ins", "leaderboard_messages", "delivery_ledger", "cohorts"];

    public async Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Definition, long ChangedAtRunTime, string Origin, string Status, long? StatusSince)>(
            "SELECT definition, changed_at_run_time, origin, status, status_since FROM cohorts ORDER BY id").ConfigureAwait(false);
        return [.. rows.Select(row => new StoredCohort(
            JsonSerializer.Deserialize(row.Definition, StorageJsonContext.Default.CohortDocument)!.ToCohort(),
            row.ChangedAtRunTime != 0,
            Enum.Parse<CohortOrigin>(row.Origin, ignoreCase: true),
            Enum.Parse<CohortStatus>(row.Status, ignoreCase: true),
            row.StatusSince is { } since ? DateTimeOffset.FromUnixTimeMilliseconds(since) : null))];
    }

    public async Task SaveAsync(StoredCohort cohort, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO cohorts (id, definition, changed_at_run_time, updated_at, origin, status, status_since) " +
            "VALUES (@Id, @Definition, @ChangedAtRunTime, @Now, @Origin, @Status, @StatusSince) " +
            "ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, changed_at_run_time = excluded.changed_at_run_time, " +
            "updated_at = excluded.updated_at, origin = excluded.origin, status = excluded.status, status_since = excluded.status_since",
            new
            {
                Id = cohort.Cohort.Id.Value,
                Definition = JsonSerializer.Serialize(CohortDocument.From(cohort.Cohort), StorageJsonContext.Default.CohortDocument),
                ChangedAtRunTime = cohort.ChangedAtRunTime ? 1 : 0,
                Now = time.GetUtcNow().ToUnixTimeMilliseconds(),
                Origin = cohort.Origin.ToString().ToLowerInvariant(),
                Status = cohort.Status.ToString().ToLowerInvariant(),
                StatusSince = cohort.StatusSince?.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var table in _cohortTables)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE {(table == "cohorts" ? "id" : "cohort_id")} = @Id", new { Id = id.Value }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await database.ScrubAsync(cancellationToken).ConfigureAwait(false);
    }
}
