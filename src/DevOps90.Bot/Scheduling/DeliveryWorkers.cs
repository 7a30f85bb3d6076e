using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Runs the delivery dispatcher's workers for the host's lifetime: each outcome is logged under the category of what
/// asked for it (the trigger's job, or reconciliation) and updates the cohort's leaderboard message. When the host
/// stops, posts being sent are finished; posts still waiting are left to the next start.
/// </summary>
internal sealed partial class DeliveryWorkers(
    DeliveryDispatcher dispatcher,
    LeaderboardRefresh leaderboard,
    IHostApplicationLifetime lifetime,
    ILogger<DailyPostJob> scheduledLog,
    ILogger<ReconciliationService> reconciliationLog) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing is queued before the host has started (the scheduler and reconciliation wait for it); this says so.
        await HostStart.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        await dispatcher.RunAsync(DeliveredAsync, Failed, stoppingToken).ConfigureAwait(false);
    }

    private Task DeliveredAsync(DeliveryRequest request, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        DeliveryLog.Outcome(LoggerFor(request), request.Cohort.Value, outcome);
        return leaderboard.AfterAsync(outcome, cancellationToken);
    }

    private void Failed(DeliveryRequest request, Exception exception) =>
        // The database may be busy or briefly unreachable: the post stays due, and reconciliation tries again.
        LogFailed(LoggerFor(request), request.Cohort.Value, exception);

    private ILogger LoggerFor(DeliveryRequest request) =>
        request.Reason == DeliveryReason.Scheduled ? scheduledLog : reconciliationLog;

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post of {CohortId} could not be delivered; reconciliation tries again")]
    private static partial void LogFailed(ILogger logger, string cohortId, Exception exception);
}
