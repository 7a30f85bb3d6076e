using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// This instance's share of Discord's global limit when several instances share a lease store (a database every
/// instance uses): lease prefix "discord:rest", counted every 2 seconds (see <see cref="SharedRateBudget"/>). With the
/// in-memory store of a single process (SQLite) there is nothing to share: <see cref="Budget"/> is null and the
/// whole limit is this process's, from its first request.
/// </summary>
internal sealed partial class DiscordRestBudget : BackgroundService
{
    public DiscordRestBudget(IServiceProvider services, DiscordRestPolicy policy, TimeProvider time, ILogger<DiscordRestBudget> logger)
    {
        if (services.GetService<ILeaseStore>() is { } store and not InMemoryLeaseStore && services.GetService<InstanceIdentity>() is { } instance)
        {
            Budget = new SharedRateBudget(store, instance.Id, new RateBudgetPlan("discord:rest", policy.GlobalRequestsPerSecond)
            {
                // The limiter's own sliding window (DiscordRateLimiter.GlobalWait).
                Window = TimeSpan.FromSeconds(1) + policy.GlobalWindowMargin,
                OnFailure = exception => LogRoundFailed(logger, exception),
            }, time);
        }
    }

    public SharedRateBudget? Budget { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Budget?.RunAsync(stoppingToken) ?? Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the instances sharing Discord's global rate limit; past the lease's life this instance waits until it can")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
