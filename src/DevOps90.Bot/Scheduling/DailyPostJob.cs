using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Fires at a cohort's post time and hands the cohort to the delivery dispatcher, returning at once: a Quartz thread
/// is held for milliseconds, not for the platform's round trip, so thousands of cohorts due in one minute all fire on
/// time. The delivery service decides and records everything, so a misfire, a retry or a second scheduler cannot post
/// twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DailyPostJob(DeliveryDispatcher dispatcher, CohortSchedules schedules, ILogger<DailyPostJob> logger) : IJob
{
    public const string CohortKey = "cohort";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var cohortId = new CohortId(context.MergedJobDataMap.GetString(CohortKey) ?? "");
        if (dispatcher.Enqueue(cohortId, DeliveryReason.Scheduled) is null)
        {
            // Unclaimed, the post is still due: the next start's reconciliation sends it.
            LogNotStarted(logger, cohortId.Value);
        }

        // After the closing post nothing is left to announce: the trigger stops.
        await schedules.RetireIfFinishedAsync(cohortId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post of {CohortId} not started: the bot is stopping; the next start sends it")]
    private static partial void LogNotStarted(ILogger logger, string cohortId);
}
