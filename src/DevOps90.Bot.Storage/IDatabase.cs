using System.Data.Common;

namespace DevOps90.Bot.Storage;

/// <summary>One database the bot stores into; each engine opens connections and write transactions its own way.</summary>
public interface IDatabase
{
    /// <summary>The statements that differ on this engine, and where its migrations live.</summary>
    SqlDialect Dialect { get; }

    /// <summary>What the logs may say about the database: a file's path, or a server and database, never a password.</summary>
    string Description { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Anything the file or server needs once before use.</summary>
    Task PrepareAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// After personal data is deleted: leaves none of the deleted bytes in the database's files (journal included),
    /// as far as the engine allows while other connections read.
    /// </summary>
    Task ScrubAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A transaction that holds the database's write lock from its first statement, so a read-decide-write in it
    /// cannot race another such transaction (of this process or another).
    /// </summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Held while the migrations run, so that instances starting together apply each one once (released when
    /// disposed; the connection must stay open until then).
    /// </summary>
    Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the database for this process as long as the returned object lives, where the engine serves one bot
    /// process only; throws <see cref="StorageInUseException"/> when another process holds it.
    /// </summary>
    IDisposable ReserveForThisProcess();
}

/// <summary>The database is held by another bot process; the message names it and says what to do.</summary>
public sealed class StorageInUseException(string message) : Exception(message);
