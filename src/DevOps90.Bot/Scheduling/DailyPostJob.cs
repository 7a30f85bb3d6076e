using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Fires at a cohort's post time and asks the delivery service what is due; the service decides and records
/// everything, so a misfire, a retry or a second scheduler cannot post twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DailyPostJob(DailyPostService delivery, CohortSchedules schedules, LeaderboardRefresh leaderboard, ILogger<DailyPostJob> logger) : IJob
{
    public const string CohortKey = "cohort";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var cohortId = new CohortId(context.MergedJobDataMap.GetString(CohortKey) ?? "");
        var outcome = await delivery.DeliverDueAsync(cohortId, cancellationToken).ConfigureAwait(false);
        DeliveryLog.Outcome(logger, cohortId.Value, outcome);
        await leaderboard.AfterAsync(outcome, cancellationToken).ConfigureAwait(false);

        // After the closing post nothing is left to announce: the trigger stops.
        await schedules.ApplyAsync(cohortId, cancellationToken).ConfigureAwait(false);
    }
}
