using Dapper;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Testing.Postgres;
using Npgsql;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// A PostgreSQL database of the bot's schema for one test class (test classes run in parallel, each in its own),
/// dropped after the class. Without a server, the class's tests skip (fail under CI=true; see TestPostgres).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestPostgresDatabase? _database;

    public string? SkipReason { get; private set; }

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        SkipReason = await TestPostgres.SkipReasonAsync();
        if (SkipReason is null)
        {
            _database = await TestPostgres.CreateDatabaseAsync();
            await using var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
            await new MigrationRunner(new PostgresDatabase(dataSource), TimeProvider.System).MigrateAsync();
        }
    }

    /// <summary>Empties every table but the schema's version, for the next test.</summary>
    public async Task EmptyAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        var tables = await connection.QueryAsync<string>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'");
        await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", tables)}");
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// One test's use of its class's database (<see cref="PostgresFixture"/>), like <see cref="SqliteFile"/>: emptied
/// for the test, with a pool per <see cref="Open"/> as each process would have; the pools closed after the test.
/// </summary>
internal sealed class PostgresTestDatabase(PostgresFixture fixture) : ITestDatabase
{
    private readonly List<NpgsqlDataSource> _pools = [];

    public async Task<PostgresDatabase> MigratedAsync()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await fixture.EmptyAsync();
        return Open();
    }

    /// <summary>A new database object: its own connection pool, as another process would have.</summary>
    public PostgresDatabase Open()
    {
        var pool = NpgsqlDataSource.Create(fixture.ConnectionString);
        _pools.Add(pool);
        return new PostgresDatabase(pool);
    }

    async Task<IDatabase> ITestDatabase.MigratedAsync() => await MigratedAsync();

    IDatabase ITestDatabase.Open() => Open();

    public void Dispose()
    {
        foreach (var pool in _pools)
        {
            pool.Dispose();
        }
    }
}
