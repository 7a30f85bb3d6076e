using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.StudyGroups;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Once the host has fully started, and every few minutes after, hands every cohort to the delivery dispatcher, which
/// sends any latest due post that is missing (missed while the bot was down, lost in a crash after its claim, or
/// waiting for a retry) in parallel, within the platforms' rate limits; then applies the retention rule to stopped
/// cohorts.
/// </summary>
internal sealed partial class ReconciliationService(
    DeliveryDispatcher dispatcher,
    ICohortDirectory cohorts,
    CohortRetention retention,
    IOptions<SchedulingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            lifetime,
            options.Value.ReconcileInterval,
            time,
            async cancellationToken =>
            {
                await RoundAsync(cancellationToken).ConfigureAwait(false);
                await retention.PurgeAsync(cancellationToken).ConfigureAwait(false);
            },
            exception => LogRoundFailed(logger, exception),
            stoppingToken);

    /// <summary>
    /// Queues every cohort (the workers log each outcome) and waits for the round to be done, so that a slow round is
    /// not queued again on top of itself; a cohort still waiting from a trigger is not queued twice.
    /// </summary>
    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        var round = new List<Task<DeliveryOutcome?>>();
        foreach (var cohort in cohorts.All)
        {
            if (dispatcher.Enqueue(cohort.Id, DeliveryReason.Reconciliation) is not { } request)
            {
                // The host is stopping: nothing new starts.
                return;
            }

            round.Add(request.Done);
        }

        await Task.WhenAll(round).WaitAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
