using System.Data.Common;

namespace DevOps90.Bot.Storage;

internal static class DatabaseStatements
{
    /// <summary>
    /// Runs one statement on a connection of its own. The Dapper call stays in the caller's lambda, with its SQL and
    /// its parameters' type in sight, so Dapper.AOT generates its code at build time (a helper taking the SQL and an
    /// <c>object</c> would leave it to run-time reflection).
    /// </summary>
    public static async Task<T> RunAsync<T>(this IDatabase database, Func<DbConnection, Task<T>> statement, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await statement(connection).ConfigureAwait(false);
    }
}
