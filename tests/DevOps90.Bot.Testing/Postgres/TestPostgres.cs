using Npgsql;

namespace DevOps90.Bot.Testing.Postgres;

/// <summary>
/// The PostgreSQL server of this test run: the one DEVOPS90_TEST_POSTGRES names (a connection string to a user who
/// may create databases), else a throwaway one started here (<see cref="ThrowawayPostgres"/>). Tests get a database
/// of their own from it. Without any server the PostgreSQL tests skip, naming the reason; with CI=true they fail
/// instead, since CI promises they ran.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "DEVOPS90_TEST_POSTGRES";

    private static readonly Lazy<Task<(string? ConnectionString, string? Problem)>> _server = new(FindAsync);

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can. Throws under CI=true instead.</summary>
    public static async Task<string?> SkipReasonAsync()
    {
        var (_, problem) = await _server.Value.ConfigureAwait(false);
        if (problem is not null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and the PostgreSQL tests cannot run: {problem}");
        }

        return problem;
    }

    /// <summary>A new empty database with a unique name, dropped when the result is disposed.</summary>
    public static async Task<TestPostgresDatabase> CreateDatabaseAsync()
    {
        var (server, problem) = await _server.Value.ConfigureAwait(false);
        if (server is null)
        {
            throw new InvalidOperationException($"No PostgreSQL server for the tests: {problem}");
        }

        var name = "devops90_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}").ConfigureAwait(false);
        return new TestPostgresDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), () => ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    private static async Task<(string?, string?)> FindAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            try
            {
                await ExecuteAsync(configured, "SELECT 1").ConfigureAwait(false);
                return (configured, null);
            }
            catch (Exception exception) when (exception is NpgsqlException or ArgumentException)
            {
                return (null, $"{Variable} is set but its server cannot be used: {exception.Message}");
            }
        }

        var started = await ThrowawayPostgres.TryStartAsync().ConfigureAwait(false);
        return started.Server is { } server ? (server.ConnectionString, null) : (null, started.Problem);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        // No pool: these few administrative connections must not stay open on the server.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

/// <summary>A database of the test server, for one test class (so classes run in parallel without meeting).</summary>
public sealed class TestPostgresDatabase(string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Drops the database, ending connections still open on it (WITH (FORCE)).</summary>
    public async ValueTask DisposeAsync() => await drop().ConfigureAwait(false);
}
