using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace DevOps90.Bot.Storage.Migrations;

/// <summary>A numbered script of one dialect, e.g. Migrations/Sqlite/001_delivery_ledger.sql or Migrations/Postgres/001_schema.sql.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies the numbered scripts a database has not seen yet, each in its own transaction with its version row, in
/// order; the schema_version table says where a database stands.
/// </summary>
public sealed partial class MigrationRunner(IDatabase database, TimeProvider time)
{
    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{char.ToUpperInvariant(dialect[0])}{dialect[1..]}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => (Name: name[prefix.Length..], Match: ScriptName().Match(name[prefix.Length..]), Resource: name))
            .Where(item => item.Match.Success)
            .Select(item => new Migration(int.Parse(item.Match.Groups["version"].Value, CultureInfo.InvariantCulture), item.Name, Read(assembly, item.Resource)))
            .OrderBy(migration => migration.Version)];
    }

    /// <summary>Brings the schema up to date; returns the version it is at now.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await database.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Instances starting together take turns here (PostgreSQL: an advisory lock; SQLite: its write lock below).
        await using var migrationLock = await database.LockMigrationsAsync(connection, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").ConfigureAwait(false);

        foreach (var migration in For(database.Dialect.Name))
        {
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            // Checked inside the write transaction: two instances starting together apply each script once.
            var applied = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { migration.Version }, transaction).ConfigureAwait(false);
            if (applied == 0)
            {
                await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                    transaction).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version").ConfigureAwait(false) ?? 0;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{3})_[a-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();
}
