using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>
/// The ledger the simulated bot restarts on: in memory, a temporary SQLite file, or a temporary PostgreSQL database
/// (on the server DEVOPS90_TEST_POSTGRES names, else a throwaway one, as the tests do). Each restart opens it anew,
/// as a new process would; everything is deleted at the end.
/// </summary>
internal sealed class SimulationLedger : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private Func<IDatabase>? _open;
    private IDeliveryLedger? _memory;

    public string Description { get; private set; } = "in memory";

    public static async Task<SimulationLedger> OpenAsync(string kind, int seed)
    {
        var ledger = new SimulationLedger();
        switch (kind)
        {
            case "sqlite":
                var file = Path.Combine(Path.GetTempPath(), "devops90-bench", $"simulate-{seed}-{Guid.NewGuid():N}.db");
                ledger._open = () => SqliteDatabase.ForFile(file);
                ledger._owned.Add(new Deletion(file));
                ledger.Description = $"SQLite {file}";
                break;
            case "postgres":
                if (await TestPostgres.SkipReasonAsync().ConfigureAwait(false) is { } problem)
                {
                    throw new InvalidOperationException(problem);
                }

                var database = await TestPostgres.CreateDatabaseAsync().ConfigureAwait(false);
                // One pool for every restart, as the SQLite file's connections share Microsoft.Data.Sqlite's pool:
                // restarts follow one another here, and hundreds of pools would each keep connections open.
                var pool = NpgsqlDataSource.Create(database.ConnectionString);
                ledger._owned.Add(database);
                ledger._owned.Add(pool);
                ledger._open = () => new PostgresDatabase(pool);
                ledger.Description = $"PostgreSQL {PostgresDatabase.Describe(database.ConnectionString)}";
                break;
            default:
                ledger._memory = new InMemoryDeliveryLedger();
                return ledger;
        }

        await new MigrationRunner(ledger._open(), TimeProvider.System).MigrateAsync().ConfigureAwait(false);
        return ledger;
    }

    public IDeliveryLedger Open() => _memory ?? new SqlDeliveryLedger(_open!());

    public async ValueTask DisposeAsync()
    {
        // The pool first, then the database or file it was on.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class Deletion(string file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }

            return ValueTask.CompletedTask;
        }
    }
}
