using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DevOps90.Bot.Slack.Api;

public static class SlackApiSetup
{
    /// <summary>
    /// The typed <see cref="ISlackApi"/> and the one rate gate all its instances share (Slack's limits are per app and
    /// workspace, not per HttpClient). Binds nothing itself: it reads <c>IOptions&lt;SlackOptions&gt;</c>, registered
    /// with the rest of the Slack section.
    /// </summary>
    public static IServiceCollection AddSlackApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SlackApiPolicy());
        services.TryAddSingleton<SlackRateGate>();

        // The factory's default logging writes each request's full URL; an upload URL is a capability that should not
        // reach the logs. The client logs its own lines, with the method name.
        services.AddHttpClient<ISlackApi, SlackApiClient>().RemoveAllLoggers();
        return services;
    }
}
