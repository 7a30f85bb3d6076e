using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Once the host has fully started, and every few minutes after,, asks the delivery service to send any cohort's latest due post that is missing:
/// missed while the bot was down, lost in a crash after its claim, or waiting for a retry.
/// </summary>
internal sealed partial class ReconciliationService(
    DailyPostService delivery,
    LeaderboardRefresh leaderboard,
    CohortRegistry registry,
    IOptions<StorageOptions> storage,
    IOptions<SchedulingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await HostStart.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        do
        {
            try
            {
                var outcomes = await delivery.ReconcileAllAsync(stoppingToken).ConfigureAwait(false);
                foreach (var outcome in outcomes)
                {
                    DeliveryLog.Outcome(logger, outcome.Key?.Cohort.Value ?? "-", outcome);
                    await leaderboard.AfterAsync(outcome, stoppingToken).ConfigureAwait(false);
                }

                // The retention rule, checked each round: a bot that runs for months never restarts to apply it.
                var retention = storage.Value.InactiveCohortRetention;
                foreach (var id in await registry.PurgeInactiveAsync(retention, stoppingToken).ConfigureAwait(false))
                {
                    StartupTasks.LogPurged(logger, id.Value, retention.TotalDays);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be busy or briefly unreachable: the next round tries again.
                LogRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
