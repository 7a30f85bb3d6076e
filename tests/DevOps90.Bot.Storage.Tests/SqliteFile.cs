using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>A fresh SQLite file with the bot's schema, deleted afterwards.</summary>
internal sealed class SqliteFile : ITestDatabase
{
    private readonly TempFolder _folder = new();

    public SqliteFile() => Path = System.IO.Path.Combine(_folder.Path, "bot.db");

    public string Path { get; }

    /// <summary>A new database object: its own connection pool, as another process would have.</summary>
    public SqliteDatabase Open() => SqliteDatabase.ForFile(Path);

    public async Task<SqliteDatabase> MigratedAsync()
    {
        var database = Open();
        await new MigrationRunner(database, TimeProvider.System).MigrateAsync();
        return database;
    }

    /// <summary>A database whose schema stops before <paramref name="version"/>, to see what that migration does to rows.</summary>
    public async Task<SqliteDatabase> MigratedBeforeAsync(int version)
    {
        var database = Open();
        await using var connection = await database.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var migration in MigrationRunner.For("sqlite").Where(migration => migration.Version < version))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, migration.Sql);
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO schema_version VALUES (@Version, @Name, '')", new { migration.Version, migration.Name });
        }

        return database;
    }

    async Task<IDatabase> ITestDatabase.MigratedAsync() => await MigratedAsync();

    IDatabase ITestDatabase.Open() => Open();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
