using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Scheduling;

/// <summary>One way of logging what a delivery did, for the job and the reconciliation alike.</summary>
internal static partial class DeliveryLog
{
    public static void Outcome(ILogger logger, string cohortId, DeliveryOutcome outcome)
    {
        var post = outcome.Key?.Post ?? "-";
        switch (outcome.Status)
        {
            case DeliveryStatus.Sent:
                Sent(logger, cohortId, post, outcome.Detail ?? "");
                break;
            case DeliveryStatus.WillRetry:
                WillRetry(logger, cohortId, post, outcome.Detail ?? "");
                break;
            case DeliveryStatus.Failed:
                Failed(logger, cohortId, post, outcome.Detail ?? "");
                break;
            case DeliveryStatus.SkippedAsStale:
                Skipped(logger, cohortId, post, outcome.Detail ?? "");
                break;
            case DeliveryStatus.NoSuchCohort:
                NoCohort(logger, cohortId);
                break;
            default:
                Nothing(logger, cohortId, outcome.Status);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post {CohortId}/{Post} sent as {MessageId}")]
    private static partial void Sent(ILogger logger, string cohortId, string post, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily post {CohortId}/{Post} failed, will retry: {Reason}")]
    private static partial void WillRetry(ILogger logger, string cohortId, string post, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post {CohortId}/{Post} failed for good: {Reason}")]
    private static partial void Failed(ILogger logger, string cohortId, string post, string reason);

    // Information, not a warning: after downtime (or on a first start) skipping an old post is the intended outcome.
    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post {CohortId}/{Post} skipped: {Reason}")]
    private static partial void Skipped(ILogger logger, string cohortId, string post, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort {CohortId} has no schedule any more (removed, or its curriculum is gone)")]
    private static partial void NoCohort(ILogger logger, string cohortId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cohort {CohortId}: {Status}")]
    private static partial void Nothing(ILogger logger, string cohortId, DeliveryStatus status);
}
