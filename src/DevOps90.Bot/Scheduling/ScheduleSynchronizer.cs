using System.Threading.Channels;
using DevOps90.Bot.Core.Cohorts;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Puts every cohort's trigger in place at start, then follows run-time changes (created, changed, paused, resumed,
/// removed) at once: the registry announces them into a channel that this service drains. Starts the scheduler once
/// the host has fully started, so no trigger fires during a start that may still fail.
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
        await schedules.ApplyAllAsync(cancellationToken).ConfigureAwait(false);
        LogSynchronized(logger, registry.All.Count);
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
            try
            {
                await schedules.ApplyAsync(id, stoppingToken).ConfigureAwait(false);
                LogRescheduled(logger, id.Value);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One cohort's bad schedule must not stop the others from following their changes.
                LogFailed(logger, id.Value, exception);
            }
        }
    }

    private void OnChanged(CohortChange change) => _changes.Writer.TryWrite(change.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily post schedules in place for {CohortCount} cohorts")]
    private static partial void LogSynchronized(ILogger logger, int cohortCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {CohortId} rescheduled")]
    private static partial void LogRescheduled(ILogger logger, string cohortId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cohort {CohortId} could not be rescheduled")]
    private static partial void LogFailed(ILogger logger, string cohortId, Exception exception);
}
