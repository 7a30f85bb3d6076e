using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Fires at a post slot's time, hands every cohort of the slot to the delivery dispatcher, tells the other instances
/// so that they send beside this one, and returns: the Quartz thread is held for milliseconds, however many cohorts
/// post then. The delivery service decides and records everything, so a misfire, a retry or a second scheduler
/// cannot post twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DailyPostJob(
    PostSlotFanout fanout,
    IPostsDueAnnouncer announcer,
    CohortSchedules schedules,
    ILogger<DailyPostJob> logger) : IJob
{
    public const string SlotKey = "slot";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.MergedJobDataMap.GetString(SlotKey);
        if (!PostSlot.TryParse(name, out var slot))
        {
            LogUnreadable(logger, name ?? "");
            return;
        }

        if (fanout.Dispatch(slot, DeliveryReason.Scheduled) is not { } count)
        {
            // Unclaimed, the posts are still due: the next start's reconciliation sends them.
            LogNotStarted(logger, slot.Name);
            return;
        }

        LogFired(logger, slot.Name, count);
        try
        {
            await announcer.AnnounceAsync(slot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // This instance sends them all, only more slowly, at its share of the rate limit.
            LogNotAnnounced(logger, slot.Name, exception);
        }

        // After the closing posts nothing is left to announce: the trigger stops.
        await schedules.RetireIfEmptyAsync(slot, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily posts at {PostSlot}: {CohortCount} cohorts handed to delivery")]
    private static partial void LogFired(ILogger logger, string postSlot, int cohortCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily posts at {PostSlot} not started: the bot is stopping; the next start sends them")]
    private static partial void LogNotStarted(ILogger logger, string postSlot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily posts at {PostSlot}: the other instances could not be told; this one sends them alone")]
    private static partial void LogNotAnnounced(ILogger logger, string postSlot, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A daily post trigger names no post slot ('{Name}'); its posts are left to reconciliation")]
    private static partial void LogUnreadable(ILogger logger, string name);
}
