using System.Threading.Channels;
using DevOps90.Bot.Core.Cohorts;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Puts the post slots' triggers in place at start, then follows run-time changes (created, changed, paused, resumed,
/// removed) at once: the registry announces them into a channel that this service drains, comparing the slots with
/// the store once for all the changes waiting (a resynchronization that read a thousand cohorts again costs one
/// comparison). Starts the scheduler once the host has fully started, so no trigger fires during a start that may
/// still fail.
/// </summary>
internal sealed partial class ScheduleSynchronizer(
    CohortRegistry registry,
    CohortSchedules schedules,
    ISchedulerFactory schedulers,
    IHostApplicationLifetime lifetime,
    ILogger<ScheduleSynchronizer> logger) : BackgroundService
{
    private readonly Channel<CohortId> _changes = Channel.CreateUnbounded<CohortId>(new UnboundedChannelOptions { SingleReader = true });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        registry.Changed += OnChanged;
        await schedules.RemoveEarlierSchedulesAsync(cancellationToken).ConfigureAwait(false);
        var changes = await schedules.SyncAsync(cancellationToken).ConfigureAwait(false);
        LogSynchronized(logger, registry.All.Count, changes.Slots, changes.Added, changes.Removed);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Changed -= OnChanged;
        _changes.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await HostStart.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        await (await schedulers.GetScheduler(stoppingToken).ConfigureAwait(false)).Start(stoppingToken).ConfigureAwait(false);
        await foreach (var id in _changes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var count = 1;
            while (_changes.Reader.TryRead(out _))
            {
                count++;
            }

            try
            {
                var changes = await schedules.SyncAsync(stoppingToken).ConfigureAwait(false);
                LogFollowed(logger, id.Value, count, changes.Added, changes.Removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store may be briefly unreachable: the next change, or the next start, compares again.
                LogFailed(logger, id.Value, exception);
            }
        }
    }

    private void OnChanged(CohortChange change) => _changes.Writer.TryWrite(change.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post schedules in place for {CohortCount} cohorts at {SlotCount} post times ({Added} added, {Removed} removed)")]
    private static partial void LogSynchronized(ILogger logger, int cohortCount, int slotCount, int added, int removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post schedules follow {ChangeCount} cohort changes ({CohortId} first): {Added} post times added, {Removed} removed")]
    private static partial void LogFollowed(ILogger logger, string cohortId, int changeCount, int added, int removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily post schedules could not follow the change to {CohortId}")]
    private static partial void LogFailed(ILogger logger, string cohortId, Exception exception);
}
