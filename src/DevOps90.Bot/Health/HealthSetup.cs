using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DevOps90.Bot.Health;

/// <summary>
/// /healthz/live answers as long as the process serves HTTP (a probe that restarts a stuck process); /healthz/ready
/// answers 200 only when the bot can do its work (database migrated, content loaded, scheduler running, each platform
/// connected or its endpoint ready), else 503, and its JSON body names what is wrong.
/// </summary>
internal static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag])
            .AddCheck<PlatformsHealthCheck>("platforms", tags: [ReadyTag]);
        return services;
    }

    public static void MapBotHealth(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync };
        app.MapHealthChecks("/healthz/live", live);
        // The first address, kept for the scripts and probes written against it: liveness.
        app.MapHealthChecks("/healthz", live);
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthJson.WriteAsync,
        });
    }
}
