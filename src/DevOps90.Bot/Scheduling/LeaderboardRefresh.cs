using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// After a daily post went out, updates the cohort's leaderboard message; its trouble is logged and never affects the
/// post, which is already delivered and recorded.
/// </summary>
internal sealed partial class LeaderboardRefresh(LeaderboardMessages messages, ILogger<LeaderboardRefresh> logger)
{
    public async Task AfterAsync(DeliveryOutcome delivery, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await messages.AfterDeliveryAsync(delivery, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == LeaderboardMessageStatus.NotUpdated)
            {
                LogNotUpdated(logger, delivery.Key?.Cohort.Value ?? "-", outcome.Reason ?? "");
            }
            else if (outcome.Status != LeaderboardMessageStatus.Off)
            {
                LogUpdated(logger, delivery.Key?.Cohort.Value ?? "-", outcome.Status, outcome.MessageId ?? "");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, delivery.Key?.Cohort.Value ?? "-", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {Cohort}: leaderboard message {Status} ({MessageId})")]
    private static partial void LogUpdated(ILogger logger, string cohort, LeaderboardMessageStatus status, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort {Cohort}: leaderboard message not updated, next post tries again: {Reason}")]
    private static partial void LogNotUpdated(ILogger logger, string cohort, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cohort {Cohort}: leaderboard message update failed")]
    private static partial void LogFailed(ILogger logger, string cohort, Exception exception);
}
