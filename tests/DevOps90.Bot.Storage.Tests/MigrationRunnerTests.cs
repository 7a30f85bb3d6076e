using Dapper;
using DevOps90.Bot.Storage.Migrations;

namespace DevOps90.Bot.Storage.Tests;

public sealed class MigrationRunnerTests
{
    [Fact]
    public void For_Sqlite_FindsTheNumberedScriptsInOrder()
    {
        var migrations = MigrationRunner.For("sqlite");

        // Numbered from 1 without a gap or a repeat, so a database's version says which scripts it has.
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(migration => migration.Version));
        Assert.Equal("001_delivery_ledger.sql", migrations[0].Name);
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
