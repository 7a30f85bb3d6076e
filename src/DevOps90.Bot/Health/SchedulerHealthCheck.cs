using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace DevOps90.Bot.Health;

/// <summary>Quartz runs (it starts once the host has fully started, so a starting bot is not ready yet).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"running as {scheduler.SchedulerInstanceId}")
            : HealthCheckResult.Unhealthy($"the scheduler is not running ({scheduler.Status})");
    }
}
