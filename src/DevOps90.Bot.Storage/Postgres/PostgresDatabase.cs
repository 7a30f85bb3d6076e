using System.Data.Common;
using Npgsql;

namespace DevOps90.Bot.Storage.Postgres;

/// <summary>
/// The bot's PostgreSQL database, reached through the one <see cref="NpgsqlDataSource"/> of the process (its pool).
/// Any number of bot processes may share it.
/// </summary>
public sealed class PostgresDatabase(NpgsqlDataSource dataSource) : IDatabase
{
    // Advisory lock keys (any bigint agreed on by every instance): "DEVOPS90" and "DEVOPS91" in ASCII.
    private const long MigrationLock = 0x44455653_50533930;
    private const long WriteLock = 0x44455653_50533931;

    public SqlDialect Dialect => PostgresDialect.Instance;

    public string Description { get; } = Describe(dataSource.ConnectionString);

    /// <summary>Server, port, database and user of a connection string; never its password.</summary>
    public static string Describe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(settings.Username) ? "" : $" as {settings.Username}";
        return $"{settings.Host}:{settings.Port}/{settings.Database}{user}";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public Task PrepareAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Nothing more to do here: PostgreSQL has no secure delete; a deleted row leaves every query at once and its
    /// space is reused after autovacuum, but its bytes may stay in the data files and the WAL until overwritten
    /// (PRIVACY.md says so to operators).
    /// </summary>
    public Task ScrubAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// A transaction that first takes one advisory lock all such transactions share (released at its end): the same
    /// one-writer-at-a-time promise SQLite's BEGIN IMMEDIATE gives, across every instance.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@Key)", WriteLock, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>A session lock: instances starting together wait here, and the later ones find the work done.</summary>
    public async Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@Key)", MigrationLock, cancellationToken).ConfigureAwait(false);
        return new Unlock(connection);
    }

    public IDisposable ReserveForThisProcess() => NoLock.Instance;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "Key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Unlock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@Key)", MigrationLock, CancellationToken.None).ConfigureAwait(false);
    }
}
