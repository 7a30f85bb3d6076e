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
    /// Runs the Socket Mode connection as a hosted service. Needs <see cref="ISlackApi"/> (for apps.connections.open
    /// with the app token) and a singleton <see cref="ISlackInboundHandler"/>, registered elsewhere.
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
            Random.Shared.NextDouble));
        services.AddHostedService<SocketModeHostedService>();
        return services;
    }
}

/// <summary>
/// A fatal refusal faults this service; with the host's default BackgroundServiceExceptionBehavior.StopHost the bot
/// then stops with the cause logged, instead of running on deaf to Slack.
/// </summary>
internal sealed class SocketModeHostedService(SocketModeClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);
}
