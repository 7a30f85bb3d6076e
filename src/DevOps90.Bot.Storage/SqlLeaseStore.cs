using Dapper;
using DevOps90.Bot.Core.Coordination;

namespace DevOps90.Bot.Storage;

/// <summary>
/// Leases in the shared database, so every instance on it agrees on one holder. Taking and renewing is one statement:
/// an insert that, on an existing row, takes it over only when it is this owner's or has lapsed; a row comes back only
/// when the caller holds the lease. The same SQL on SQLite and PostgreSQL.
/// </summary>
public sealed class SqlLeaseStore(IDatabase database) : ILeaseStore
{
    private const string Take =
        "INSERT INTO leases (name, holder, expires_at) VALUES (@Name, @Owner, @Expires) " +
        "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
        "WHERE leases.holder = excluded.holder OR leases.expires_at <= @Now " +
        "RETURNING holder";

    public async Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var holder = await connection.QuerySingleOrDefaultAsync<string?>(
            Take,
            new { Name = name, Owner = owner, Expires = (now + ttl).ToUnixTimeMilliseconds(), Now = now.ToUnixTimeMilliseconds(), cancellationToken }).ConfigureAwait(false);
        return holder == owner;
    }

    public async Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            "DELETE FROM leases WHERE name = @Name AND holder = @Owner",
            new { Name = name, Owner = owner, cancellationToken }).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<Lease>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // A comparison of the name's start, not LIKE: instance ids hold '_' and '%' that LIKE would read as wildcards.
        var rows = await connection.QueryAsync<Row>(
            "SELECT name AS Name, holder AS Holder, expires_at AS ExpiresAt FROM leases WHERE substr(name, 1, @Length) = @Prefix AND expires_at > @Now",
            new { Prefix = prefix, Length = prefix.Length, Now = now.ToUnixTimeMilliseconds(), cancellationToken }).ConfigureAwait(false);
        return [.. rows
            .Select(row => new Lease(row.Name, row.Holder, DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt)))
            .OrderBy(lease => lease.Name, StringComparer.Ordinal)];
    }

    internal sealed class Row
    {
        public string Name { get; set; } = "";

        public string Holder { get; set; } = "";

        public long ExpiresAt { get; set; }
    }
}
