using DevOps90.Bot.Core.Background;

namespace DevOps90.Bot;

/// <summary>
/// The graceful stop: before any service stops (the gateway, Socket Mode, the scheduler and the HTTP server are all
/// still up), new work is refused and the work in flight (daily posts being sent, deferred replies, Slack follow-ups)
/// is finished, up to the host's shutdown timeout (<c>HostOptions.ShutdownTimeout</c>, 30 s by default); past it,
/// what is left is cut short. A daily post cut short stays claimed in the ledger and is sent again, under the same
/// idempotency key, after its lease.
/// </summary>
internal sealed partial class InFlightDrain(InFlightWork inFlight, ILogger<InFlightDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var running = inFlight.Running;
        if (running > 0)
        {
            LogDraining(logger, running);
        }

        await inFlight.DrainAsync(cancellationToken).ConfigureAwait(false);
        if (inFlight.Running is > 0 and var left)
        {
            LogAbandoned(logger, left);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: finishing {Running} posts and replies in flight; nothing new starts")]
    private static partial void LogDraining(ILogger logger, int running);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Left} posts and replies in flight were cut short by the shutdown timeout")]
    private static partial void LogAbandoned(ILogger logger, int left);
}

internal static class InFlightDrainSetup
{
    /// <summary>The process's one <see cref="InFlightWork"/>, and the graceful stop that drains it.</summary>
    public static IServiceCollection AddInFlightDrain(this IServiceCollection services)
    {
        services.AddSingleton<InFlightWork>();
        services.AddHostedService<InFlightDrain>();
        return services;
    }
}
