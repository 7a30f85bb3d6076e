using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>A fresh SQLite file with the bot's schema, deleted afterwards.</summary>
internal sealed class SqliteFile : IDisposable
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
