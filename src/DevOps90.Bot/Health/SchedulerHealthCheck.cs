using System.Data.Common;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace DevOps90.Bot.Health;

/// <summary>
/// Quartz runs (it starts once the host has fully started, so a starting bot is not ready yet); in a cluster
/// (PostgreSQL), this instance's last check-in is also fresh: one older than the misfire threshold means the other
/// instances are taking over its schedules, so it should not be taking traffic as if all were well.
/// </summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IDatabase database, IOptions<ClusterOptions> cluster, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (scheduler.Status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"the scheduler is not running ({scheduler.Status})");
        }

        var metadata = await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false);
        if (!metadata.JobStoreClustered)
        {
            return HealthCheckResult.Healthy($"running as {scheduler.SchedulerInstanceId}");
        }

        var lastCheckin = await LastCheckinAsync(scheduler, cancellationToken).ConfigureAwait(false);
        if (lastCheckin is null)
        {
            return HealthCheckResult.Unhealthy($"running as {scheduler.SchedulerInstanceId}, but it has not checked in to the cluster yet");
        }

        var age = time.GetUtcNow() - lastCheckin.Value;
        var threshold = cluster.Value.CheckinMisfireThreshold;
        var described = $"running as {scheduler.SchedulerInstanceId}, in a cluster; last check-in {Math.Max(0, age.TotalSeconds):0} s ago";
        return age <= threshold
            ? HealthCheckResult.Healthy(described)
            : HealthCheckResult.Unhealthy($"{described}, over the {threshold.TotalSeconds:0} s after which the other instances take its schedules over");
    }

    /// <summary>Quartz keeps check-ins in qrtz_scheduler_state, as UTC ticks.</summary>
    private async Task<DateTimeOffset?> LastCheckinAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        DbConnection connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Plain ADO.NET: the host does not generate Dapper code at build time (Dapper.AOT runs in the Storage project).
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT last_checkin_time FROM qrtz_scheduler_state WHERE sched_name = @Name AND instance_name = @Instance";
                command.AddParameter("@Name", scheduler.SchedulerName);
                command.AddParameter("@Instance", scheduler.SchedulerInstanceId);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
            }
        }
    }
}
