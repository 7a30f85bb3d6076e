using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Gateway;

internal static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Runs the gateway connection as a hosted service. Needs <see cref="IDiscordRestClient"/>,
    /// <see cref="IGatewayDispatchHandler"/> and the validated <see cref="DiscordOptions"/> registered elsewhere.
    /// </summary>
    internal static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new GatewayConnection(
            provider.GetRequiredService<IDiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<IGatewayDispatchHandler>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<GatewayConnection>>(),
            Random.Shared.NextDouble));
        services.AddHostedService<GatewayHostedService>();
        return services;
    }
}

/// <summary>
/// A fatal close faults this service; with the host's default BackgroundServiceExceptionBehavior.StopHost the bot then
/// stops with the cause logged, instead of running on without Discord.
/// </summary>
internal sealed class GatewayHostedService(GatewayConnection connection) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => connection.RunAsync(stoppingToken);
}
