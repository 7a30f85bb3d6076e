using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Gateway;

internal static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Runs this instance's gateway shards under the <see cref="ShardSupervisor"/>, a hosted service, and reports the
    /// shards' holders to /status (<see cref="ShardHolders"/>). Needs <see cref="IDiscordRestClient"/>, <see cref="IGatewayDispatchHandler"/>,
    /// the validated <see cref="DiscordOptions"/>, the shared <see cref="ILeaseStore"/> and this process's
    /// <see cref="InstanceIdentity"/> registered elsewhere; an <see cref="ILeaseObserver"/> if one is registered.
    /// </summary>
    internal static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdentifyGate>();
        services.TryAddSingleton<ShardHolders>();
        services.TryAddSingleton(provider => new GatewayConnection(
            provider.GetRequiredService<IDiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<IGatewayDispatchHandler>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<GatewayConnection>>(),
            Random.Shared.NextDouble,
            identifyGate: provider.GetRequiredService<IdentifyGate>(),
            board: provider.GetService<ConnectionBoard>()));
        services.TryAddSingleton(provider =>
        {
            var connection = provider.GetRequiredService<GatewayConnection>();
            return new ShardSupervisor(
                provider.GetRequiredService<IDiscordRestClient>(),
                provider.GetRequiredService<IOptions<DiscordOptions>>(),
                provider.GetRequiredService<ILeaseStore>(),
                provider.GetRequiredService<InstanceIdentity>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ShardSupervisor>>(),
                connection.RunAsync,
                Random.Shared.NextDouble,
                provider.GetRequiredService<ShardHolders>(),
                provider.GetService<ILeaseObserver>());
        });
        services.AddHostedService(provider => provider.GetRequiredService<ShardSupervisor>());
        // Not the supervisor itself: /status is served through the gateway, which the supervisor runs.
        services.AddSingleton<IConnectionReport>(provider => provider.GetRequiredService<ShardHolders>());
        return services;
    }
}
