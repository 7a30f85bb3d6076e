using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DevOps90.Bot.Health;

/// <summary>The database answers and its schema is at the version this build expects (the start migrates it).</summary>
internal sealed class DatabaseHealthCheck(IDatabase database, MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expected = MigrationRunner.For(database.Dialect.Name).Select(migration => migration.Version).DefaultIfEmpty(0).Max();
        try
        {
            var version = await migrations.CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            return version >= expected
                ? HealthCheckResult.Healthy($"{database.Dialect.Name}, schema version {version}")
                : HealthCheckResult.Unhealthy($"{database.Dialect.Name}: schema version {version}, this build needs {expected} (the start has not migrated it yet)");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            // The message only: a connection error may name the server, never the connection string's password.
            return HealthCheckResult.Unhealthy($"{database.Dialect.Name}: not reachable ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
