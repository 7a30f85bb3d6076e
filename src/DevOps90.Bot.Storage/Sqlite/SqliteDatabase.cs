using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DevOps90.Bot.Storage.Sqlite;

/// <summary>
/// Opens connections to the bot's SQLite file. One bot process per file (<see cref="ReserveForThisProcess"/>); the
/// command-line verbs may read it beside that process, and the write lock keeps their writes apart.
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // Writers wait for each other (up to this long) instead of failing with "database is locked".
            DefaultTimeout = 30,
            Pooling = true,
        };
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    public string DataSource { get; }

    public SqlDialect Dialect => SqliteDialect.Instance;

    public string Description => DataSource;

    public static SqliteDatabase ForFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        // secure_delete: deleted rows are overwritten with zeros, so /forget-me leaves no member id in the file.
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>WAL lets readers go on while one instance writes; it is a property of the file, set once.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies the write-ahead log into the file and empties it: the log still holds the pages as they were before the
    /// deletion. A reader holding an old snapshot can keep part of it; the next scrub or checkpoint finishes it.
    /// </summary>
    public async Task ScrubAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing to take: each migration runs in a write transaction, which one connection at a time holds.</summary>
    public Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public IDisposable ReserveForThisProcess() => SqliteInstanceLock.Acquire(DataSource);

    // BEGIN IMMEDIATE: take the write lock now, so a read-then-write decision cannot race another writer.
    // (Microsoft.Data.Sqlite has no asynchronous form with that choice; beginning waits at most the busy timeout.)
    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
