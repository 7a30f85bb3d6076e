using Dapper;
using DevOps90.Bot.Core.Security;

namespace DevOps90.Bot.Storage;

/// <summary>The dashboard's key ring in the data_protection_keys table; the same statements on SQLite and PostgreSQL.</summary>
public sealed class SqlKeyRingStore(IDatabase database) : IKeyRingStore
{
    // The key manager's interface is synchronous and calls it seldom (first use, then about daily): waiting here
    // blocks one request for one small query at those moments.
    public IReadOnlyList<string> All() => AllAsync().GetAwaiter().GetResult();

    public void Save(string name, string xml) => SaveAsync(name, xml).GetAwaiter().GetResult();

    private async Task<IReadOnlyList<string>> AllAsync()
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        return [.. await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY name").ConfigureAwait(false)];
    }

    private async Task SaveAsync(string name, string xml)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO NOTHING",
            new { Name = name, Xml = xml }).ConfigureAwait(false);
    }
}
