using System.Diagnostics;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing.Postgres;
using Npgsql;

namespace DevOps90.Bot.Benchmarks.Participation;

/// <summary>
/// The scale cohort in a database of either engine: SQLite's file is generated once and kept; PostgreSQL's database
/// is made for the run (on the server DEVOPS90_TEST_POSTGRES names, else a throwaway one) and dropped after it.
/// </summary>
internal sealed class ScaleDatabase(IDatabase database, Func<ValueTask> release) : IAsyncDisposable
{
    public IDatabase Database { get; } = database;

    public static async Task<ScaleDatabase> SqliteAsync(TextWriter output)
    {
        var path = ScaleCohort.DatabasePath;
        if (!File.Exists(path))
        {
            var building = path + ".new";
            var clock = Stopwatch.StartNew();
            await new MigrationRunner(SqliteDatabase.ForFile(building), TimeProvider.System).MigrateAsync().ConfigureAwait(false);
            var written = ScaleCohort.Write(SqliteDatabase.ForFile(building).ConnectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Move(building, path);
            output.WriteLine($"generated {path}: {written} members in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var database = SqliteDatabase.ForFile(path);
        var migrating = Stopwatch.StartNew();
        var version = await new MigrationRunner(database, TimeProvider.System).MigrateAsync().ConfigureAwait(false);
        output.WriteLine($"database {path} at version {version} (migrations {migrating.ElapsedMilliseconds} ms)");
        return new ScaleDatabase(database, () => ValueTask.CompletedTask);
    }

    public static async Task<ScaleDatabase> PostgresAsync(TextWriter output)
    {
        if (await TestPostgres.SkipReasonAsync().ConfigureAwait(false) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var created = await TestPostgres.CreateDatabaseAsync().ConfigureAwait(false);
        var pool = NpgsqlDataSource.Create(created.ConnectionString);
        var database = new PostgresDatabase(pool);
        var clock = Stopwatch.StartNew();
        var version = await new MigrationRunner(database, TimeProvider.System).MigrateAsync().ConfigureAwait(false);
        var written = await ScaleCohort.WriteAsync(pool).ConfigureAwait(false);
        await using (var connection = await pool.OpenConnectionAsync().ConfigureAwait(false))
        await using (var command = new NpgsqlCommand("SELECT version()", connection))
        {
            output.WriteLine($"{await command.ExecuteScalarAsync().ConfigureAwait(false)}");
        }

        output.WriteLine($"generated {database.Description} at version {version}: {written} members in {clock.Elapsed.TotalSeconds:F1} s (COPY, then VACUUM (FREEZE, ANALYZE))");
        return new ScaleDatabase(database, async () =>
        {
            await pool.DisposeAsync().ConfigureAwait(false);
            await created.DisposeAsync().ConfigureAwait(false);
        });
    }

    public ValueTask DisposeAsync() => release();
}
