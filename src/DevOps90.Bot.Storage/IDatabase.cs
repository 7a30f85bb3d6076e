using System.Data.Common;

namespace DevOps90.Bot.Storage;

/// <summary>One database the bot stores into; each dialect opens connections and write transactions its own way.</summary>
public interface IDatabase
{
    /// <summary>"sqlite"; the migrations of a dialect live in Migrations/&lt;dialect&gt;.</summary>
    string Dialect { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Anything the file or server needs once before use.</summary>
    Task PrepareAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// After personal data is deleted: leaves none of the deleted bytes in the database's files (journal included),
    /// as far as the engine allows while other connections read.
    /// </summary>
    Task ScrubAsync(CancellationToken cancellationToken = default);

    /// <summary>A transaction that holds the write lock from its first statement (read-decide-write is safe in it).</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default);
}
