using System.Text.Json;
using Dapper;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Storage;

/// <summary>Cohorts in the bot's database, one JSON document per cohort.</summary>
public sealed class SqlCohortStore(IDatabase database, TimeProvider time) : ICohortStore
{
    public async Task<IReadOnlyList<StoredCohort>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Definition, long ChangedAtRunTime)>(
            "SELECT definition, changed_at_run_time FROM cohorts ORDER BY id").ConfigureAwait(false);
        return [.. rows.Select(row => new StoredCohort(
            JsonSerializer.Deserialize(row.Definition, StorageJsonContext.Default.CohortDocument)!.ToCohort(),
            row.ChangedAtRunTime != 0))];
    }

    public async Task SaveAsync(Cohort cohort, bool changedAtRunTime, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO cohorts (id, definition, changed_at_run_time, updated_at) VALUES (@Id, @Definition, @ChangedAtRunTime, @Now) " +
            "ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, changed_at_run_time = excluded.changed_at_run_time, updated_at = excluded.updated_at",
            new
            {
                Id = cohort.Id.Value,
                Definition = JsonSerializer.Serialize(CohortDocument.From(cohort), StorageJsonContext.Default.CohortDocument),
                ChangedAtRunTime = changedAtRunTime ? 1 : 0,
                Now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task DeleteAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM cohorts WHERE id = @Id", new { Id = id.Value }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
