namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// One test's database of one engine (<see cref="SqliteFile"/>, <see cref="PostgresTestDatabase"/>), so a suite over
/// the SQL stores is written once and run on each.
/// </summary>
public interface ITestDatabase : IDisposable
{
    /// <summary>The database, empty, at the current schema.</summary>
    Task<IDatabase> MigratedAsync();

    /// <summary>Another database object on the same database, with its own connections, as another process has.</summary>
    IDatabase Open();
}
