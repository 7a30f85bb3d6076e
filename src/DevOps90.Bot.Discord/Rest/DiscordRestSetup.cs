using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Rest;

internal static class DiscordRestSetup
{
    /// <summary>
    /// The typed <see cref="IDiscordRestClient"/> and the one <see cref="DiscordRateLimiter"/> all its instances share
    /// (rate limits are per bot, not per HttpClient), with this instance's share of the global limit when several
    /// instances share the leases. Reads <c>IOptions&lt;DiscordOptions&gt;</c>, registered elsewhere.
    /// </summary>
    internal static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DiscordRestPolicy());
        services.TryAddSingleton<DiscordRestBudget>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordRestBudget>());
        services.TryAddSingleton(provider => new DiscordRateLimiter(
            provider.GetRequiredService<DiscordRestPolicy>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DiscordRateLimiter>>(),
            provider.GetRequiredService<DiscordRestBudget>().Budget));

        // The factory's default logging writes each request's full URL, and an interaction route's URL holds the
        // interaction token: the client logs its own lines with the route template instead.
        services.AddHttpClient<IDiscordRestClient, DiscordRestClient>().RemoveAllLoggers();
        return services;
    }
}
