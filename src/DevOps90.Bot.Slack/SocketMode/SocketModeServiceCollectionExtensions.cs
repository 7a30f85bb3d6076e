using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.SocketMode;

public static class SocketModeServiceCollectionExtensions
{
    /// <summary>
    /// Runs the Socket Mode connection as a hosted service, on the instance that holds its lease, and reports that
    /// holder to /status. Needs <see cref="ISlackApi"/> (for apps.connections.open with the app token), a singleton
    /// <see cref="ISlackInboundHandler"/>, the shared <see cref="ILeaseStore"/> and this process's
    /// <see cref="InstanceIdentity"/>, registered elsewhere; an <see cref="ILeaseObserver"/> if one is registered.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRecentIds>();
        services.TryAddSingleton<SocketModeEnvelopeProcessor>();
        services.TryAddSingleton(provider => new SocketModeClient(
            provider.GetRequiredService<ISlackApi>(),
            provider.GetRequiredService<SocketModeEnvelopeProcessor>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SocketModeClient>>(),
            Random.Shared.NextDouble,
            board: provider.GetService<ConnectionBoard>()));
        services.AddHostedService<SocketModeHostedService>();
        // Not the hosted service itself: /status is served through the connection, which the service runs.
        services.AddSingleton<IConnectionReport, SocketModeHolder>();
        return services;
    }
}

/// <summary>
/// Only the instance holding the lease "slack:socket" connects; another takes over within 30 seconds of its death, at
/// once after a graceful stop. Slack would accept up to 10 connections per app and spread the envelopes among them,
/// so several holders would also be correct (each envelope is handled where it arrives, and a retry is recognised by
/// its id only on the instance that saw the first try); one holder keeps that reasoning simple and costs nothing a
/// study-group bot needs. A fatal refusal faults this service; with the host's default
/// BackgroundServiceExceptionBehavior.StopHost the bot then stops with the cause logged, instead of running on deaf
/// to Slack.
/// </summary>
internal sealed class SocketModeHostedService(
    SocketModeClient client,
    ILeaseStore leases,
    InstanceIdentity instance,
    TimeProvider time,
    ILeaseObserver? observer = null) : BackgroundService
{
    public const string LeaseName = "slack:socket";

    public static readonly LeasePlan Plan = LeasePlan.OneSlot(LeaseName, "Slack Socket Mode");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new LeaseSupervisor(leases, instance.Id, Plan, (_, token) => client.RunAsync(token), time, observer).RunAsync(stoppingToken);
}

/// <summary>Which instance holds the Socket Mode connection, for /status.</summary>
internal sealed class SocketModeHolder(ILeaseStore leases, InstanceIdentity instance) : IConnectionReport
{
    public string Platform => "slack";

    public Task<IReadOnlyList<HeldConnection>> HoldersAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SocketModeHostedService.Plan.ConnectionsAsync(leases, ConnectionKind.SocketMode, instance.Id, now, cancellationToken);
}
