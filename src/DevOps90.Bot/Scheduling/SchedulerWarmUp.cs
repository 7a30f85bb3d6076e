using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Creates Quartz's scheduler (its store opened and checked, its tables provisioned: a third of the start on an idle
/// machine, bench/README.md) on the other core while the schema and the cohorts load, instead of after them.
/// Registered before the start's other services. It only creates the scheduler: Quartz's factory lets one caller
/// create it and hands the others the same one, so the Quartz service later waits for it or finds it ready, and the
/// synchronizer still starts it once the host has fully started. A failure here is left to the Quartz service's own
/// call, which fails the start with it as before.
/// </summary>
internal sealed class SchedulerWarmUp(ISchedulerFactory schedulers) : IHostedService
{
    private Task? _creating;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _creating = Task.Run(async () => await schedulers.GetScheduler(CancellationToken.None).ConfigureAwait(false), CancellationToken.None);
        // Observed here so that a failure is not reported a second time as an unobserved task exception.
        _creating.ContinueWith(task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
