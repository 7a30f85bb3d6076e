using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DevOps90.Bot.Health;

/// <summary>At least one curriculum is loaded (a broken file only warns; no curriculum at all leaves nothing to post).</summary>
internal sealed class ContentHealthCheck(ContentLibrary content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var index = content.Current;
        var lessons = index.Curricula.Sum(curriculum => curriculum.Lessons.Length);
        return Task.FromResult(index.Curricula.IsEmpty
            ? HealthCheckResult.Unhealthy("no curriculum is loaded: check Content:Sources")
            : HealthCheckResult.Healthy($"{index.Curricula.Length} curricula, {lessons} lessons, version {index.Version}, {index.WarningCount} warnings"));
    }
}
