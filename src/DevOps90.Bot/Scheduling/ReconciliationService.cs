using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.StudyGroups;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Once the host has fully started, and every few minutes after, asks the delivery service to send any cohort's
/// latest due post that is missing (missed while the bot was down, lost in a crash after its claim, or waiting for a
/// retry), then applies the retention rule to stopped cohorts.
/// </summary>
internal sealed partial class ReconciliationService(
    DailyPostService delivery,
    LeaderboardRefresh leaderboard,
    CohortRetention retention,
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

                await retention.PurgeAsync(stoppingToken).ConfigureAwait(false);
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
