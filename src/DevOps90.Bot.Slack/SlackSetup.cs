using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Commands;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Slack.SocketMode;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Slack;

public static class SlackSetup
{
    /// <summary>True when the settings ask for Slack (a bot token is set).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]);

    /// <summary>
    /// The Slack adapter, when configured: settings checked at start (naming each missing key), the Web API client,
    /// the publisher of daily posts, the command handler, and the transport the settings choose.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<SlackOptions>().Bind(builder.Configuration.GetSection(SlackOptions.SectionName));
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSlackApi();
        services.AddHttpClient(SlackFollowUpSender.ResponseClient).RemoveAllLoggers();
        services.AddSingleton<IChatPublisher, SlackPublisher>();
        services.AddSingleton<SlackCommunities>();
        services.AddSingleton<ICommunityDirectory>(provider => provider.GetRequiredService<SlackCommunities>());
        services.AddSingleton<IModeratorRule, SlackModeratorRule>();
        services.AddSingleton<IDirectMessenger, SlackDirectMessenger>();
        services.AddSingleton<SlackUsers>();
        services.AddSingleton<SlackRequests>();
        services.TryAddSingleton<InFlightWork>();
        services.AddSingleton<SlackFollowUps>();
        services.AddHostedService<SlackFollowUpSender>();
        services.AddSingleton<ISlackInboundHandler, SlackCommandHandler>();

        if (TransportOf(builder.Configuration) == SlackTransport.Http)
        {
            services.AddSlackHttpTransport();
        }
        else
        {
            services.AddSlackSocketMode();
        }

        return builder;
    }

    /// <summary>Maps POST /slack/commands, /slack/interactions and /slack/events when the HTTP transport is on.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        // Read from the settings, not the validated options: a missing setting must fail the start, where it is
        // reported with its key, not the building of the routes.
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (IsConfigured(configuration) && TransportOf(configuration) == SlackTransport.Http)
        {
            endpoints.MapSlackEndpoints();
        }

        return endpoints;
    }

    private static SlackTransport TransportOf(IConfiguration configuration) =>
        configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>()?.Transport ?? SlackTransport.SocketMode;
}
