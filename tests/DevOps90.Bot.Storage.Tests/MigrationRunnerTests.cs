using Dapper;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Testing.Postgres;
using Npgsql;

namespace DevOps90.Bot.Storage.Tests;

public sealed class MigrationRunnerTests
{
    [Theory]
    [InlineData("sqlite", "001_delivery_ledger.sql")]
    [InlineData("postgres", "001_schema.sql")]
    public void For_EachDialect_FindsTheNumberedScriptsInOrder(string dialect, string first)
    {
        var migrations = MigrationRunner.For(dialect);

        // Numbered from 1 without a gap or a repeat, so a database's version says which scripts it has.
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(migration => migration.Version));
        Assert.Equal(first, migrations[0].Name);
    }

    [Fact]
    public async Task Migrate_NewFile_AppliesEveryScriptInWalMode()
    {
        using var file = new SqliteFile();
        var database = file.Open();

        var version = await new MigrationRunner(database, TimeProvider.System).MigrateAsync();

        Assert.Equal(MigrationRunner.For("sqlite")[^1].Version, version);
        await using var connection = await database.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('delivery_ledger', 'cohorts')"));
    }

    [Fact]
    public async Task Migrate_TwiceAndFromTwoInstancesAtOnce_AppliesEachScriptOnce()
    {
        using var file = new SqliteFile();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => new MigrationRunner(file.Open(), TimeProvider.System).MigrateAsync())));
        await new MigrationRunner(file.Open(), TimeProvider.System).MigrateAsync();

        await using var connection = await file.Open().OpenAsync();
        Assert.Equal(MigrationRunner.For("sqlite").Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
    }
}

public sealed class PostgresMigrationRunnerTests
{
    [SkippableFact]
    public async Task Migrate_FromSeveralInstancesAtOnce_AppliesEachScriptOnceAndLeavesOneSetOfTables()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var pools = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = pools.Select(pool => Task.Run(async () =>
            {
                await go.Task;
                return await new MigrationRunner(new PostgresDatabase(pool), TimeProvider.System).MigrateAsync();
            })).ToList();
            go.SetResult();
            var versions = await Task.WhenAll(runs);

            Assert.All(versions, version => Assert.Equal(MigrationRunner.For("postgres")[^1].Version, version));
            await using var connection = await pools[0].OpenConnectionAsync();
            Assert.Equal(MigrationRunner.For("postgres").Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
            Assert.Equal(
                ["check_in_totals", "check_ins", "cohorts", "data_protection_keys", "delivery_ledger", "leaderboard_messages", "leases", "member_profiles", "milestone_opt_outs", "milestone_role_problems", "milestones", "reminder_ledger", "reminders", "schema_version", "shares"],
                await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"));
        }
        finally
        {
            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }
        }
    }
}
