using DevOps90.Bot.Core.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DevOps90.Bot.Health;

/// <summary>Every platform connection this instance should hold is open; HTTP endpoints are ready once the host listens.</summary>
internal sealed class PlatformsHealthCheck(IEnumerable<IConnectionReadiness> sources) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connections = sources.SelectMany(source => source.Connections).ToList();
        if (connections.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no connection to hold: HTTP endpoints answer once the host listens"));
        }

        var down = connections.Where(connection => !connection.Ready).ToList();
        var description = string.Join("; ", connections.Select(connection => $"{connection.Name}: {connection.Description}"));
        return Task.FromResult(down.Count == 0 ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}
