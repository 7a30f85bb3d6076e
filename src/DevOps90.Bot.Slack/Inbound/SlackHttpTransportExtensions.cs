using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Slack.Inbound;

public static class SlackHttpTransportExtensions
{
    /// <summary>
    /// What <see cref="SlackEndpoints.MapSlackEndpoints"/> needs: the signature check, keyed with
    /// <see cref="SlackOptions.SigningSecret"/>, and the recent deliveries. The <see cref="ISlackInboundHandler"/> and
    /// the validated options are registered elsewhere.
    /// </summary>
    public static IServiceCollection AddSlackHttpTransport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRecentIds>();
        services.TryAddSingleton(provider => new SlackSignature(
            provider.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret
                ?? throw new InvalidOperationException("Slack requests over HTTP need Slack:SigningSecret (Slack__SigningSecret in the environment)."),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SlackHttpReceiver>();
        return services;
    }
}
