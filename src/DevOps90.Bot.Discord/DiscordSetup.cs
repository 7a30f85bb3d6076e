using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Discord.Commands;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Discord.Rest;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord;

public static class DiscordSetup
{
    /// <summary>True when the settings ask for Discord (a token or an application id is set).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Discord:Token"]) || !string.IsNullOrWhiteSpace(configuration["Discord:ApplicationId"]);

    /// <summary>
    /// The Discord adapter, when configured: settings checked at start (naming each missing key), the REST client
    /// with its rate limits, the publisher of daily posts, command registration, and the transports the settings
    /// choose (gateway, HTTP endpoint, or both).
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<DiscordOptions>().Bind(builder.Configuration.GetSection(DiscordOptions.SectionName));
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddDiscordRest();
        services.AddSingleton<IChatPublisher, DiscordPublisher>();
        services.AddSingleton(provider => new DirectMessagePace(
            provider.GetRequiredService<DiscordRestPolicy>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<DiscordRestBudget>().Budget));
        services.AddSingleton<IDirectMessenger, DiscordDirectMessenger>();
        // One cache of channels' servers, for /status and for milestone roles alike.
        services.AddSingleton<DiscordCommunities>();
        services.AddSingleton<Core.Cohorts.ICommunityDirectory>(provider => provider.GetRequiredService<DiscordCommunities>());
        services.TryAddSingleton<InFlightWork>();
        services.AddSingleton<DeferredReplies>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RecentInteractions>();
        services.AddSingleton<InteractionProcessor>();
        services.AddHostedService<DeferredReplySender>();
        services.AddSingleton<CommandRegistrar>();
        services.AddHostedService(provider => provider.GetRequiredService<CommandRegistrar>());
        services.AddHostedService<CommandRefresh>();

        var transport = TransportOf(builder.Configuration);
        if (transport is DiscordTransport.Gateway or DiscordTransport.Both)
        {
            services.AddSingleton<IGatewayDispatchHandler, GatewayInteractionHandler>();
            services.AddDiscordGateway();
        }

        if (transport is DiscordTransport.Http or DiscordTransport.Both)
        {
            services.AddSingleton(provider => new InteractionSignature(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
        }

        return builder;
    }

    /// <summary>Maps POST /discord/interactions when the HTTP transport is on.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        // Read from the settings, not the validated options: a missing setting must fail the start, where it is
        // reported with its key, not the building of the routes.
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (IsConfigured(configuration) && TransportOf(configuration) is DiscordTransport.Http or DiscordTransport.Both)
        {
            endpoints.MapDiscordInteractions();
        }

        return endpoints;
    }

    private static DiscordTransport TransportOf(IConfiguration configuration) =>
        configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>()?.Transport ?? DiscordTransport.Gateway;
}
