using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>
/// Keeps this instance's cohorts in step with the database that every instance writes to: each cohort the change feed
/// signals is read again at once, everything is compared after the feed (re)connects, and again every
/// <see cref="ClusterOptions.CohortResyncInterval"/> in case a signal was lost anyway. The registry announces what
/// changed, so the schedules and the answers of this instance follow a change made on another. When another
/// instance's trigger fires, this one hears it here and sends the slot's posts beside it.
/// Registered right after the start tasks, so it begins once the cohorts are loaded.
/// </summary>
internal sealed partial class CohortFollower(
    CohortRegistry registry,
    ICohortChangeFeed feed,
    PostSlotFanout fanout,
    InstanceIdentity instance,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<CohortFollower> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(feed.RunAsync(OnSignalAsync, stoppingToken), ResyncPeriodicallyAsync(stoppingToken));

    private async Task OnSignalAsync(CohortSignal signal, CancellationToken cancellationToken)
    {
        try
        {
            if (signal.Due is { } due)
            {
                // This instance's own announcement comes back too: its posts are queued already.
                if (due.Origin != instance.Id && fanout.Dispatch(due.Slot, DeliveryReason.Scheduled) is { } count)
                {
                    LogJoined(logger, due.Slot.Name, count, due.Origin);
                }
            }
            else if (signal.Changed is { } id)
            {
                await registry.RefreshAsync(id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ResyncAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may be briefly unreachable: the periodic resynchronization catches up.
            LogFailed(logger, exception);
        }
    }

    private async Task ResyncPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CohortResyncInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await OnSignalAsync(CohortSignal.Resync, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        if (await registry.ResyncAsync(cancellationToken).ConfigureAwait(false) is > 0 and var count)
        {
            LogResynchronized(logger, count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily posts at {PostSlot}: {CohortCount} cohorts handed to delivery beside instance {Origin}, whose trigger fired")]
    private static partial void LogJoined(ILogger logger, string postSlot, int cohortCount, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CohortCount} cohorts read again: changed by another instance while this one was not listening")]
    private static partial void LogResynchronized(ILogger logger, int cohortCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort changes could not be read from the database; the next resynchronization tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
