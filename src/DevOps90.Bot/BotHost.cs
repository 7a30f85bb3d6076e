using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Discord;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Reports;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Storage;
using DevOps90.Bot.StudyGroups;

namespace DevOps90.Bot;

/// <summary>Builds and runs the long-lived bot process.</summary>
public static class BotHost
{
    /// <param name="args">Command-line settings (--Key=value).</param>
    /// <param name="overrides">Tests replace services here (the console's streams, the clock) after the bot's own.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = BotConfiguration.BaseDirectory,
        });
        BotConfiguration.Apply(builder.Configuration, builder.Environment.EnvironmentName, args);

        // Hosted services start in this order: the schema and the cohorts first, the scheduler after them.
        builder.Services.AddHostedService(services => services.GetRequiredService<StartupTasks>());
        builder.Services.AddSingleton<StartupTasks>();
        builder.AddContent(BotConfiguration.BaseDirectory);
        builder.Services.AddHostedService<ContentReport>();
        builder.AddStorage(BotConfiguration.BaseDirectory);
        builder.AddStudyGroups();
        builder.Services.AddReports();
        builder.Services.AddSingleton<ParticipationReports>();
        builder.Services.AddHostedService<ChartFontCheck>();
        builder.AddDiscord();
        builder.AddLocalConsole();
        builder.AddScheduling(BotConfiguration.BaseDirectory);
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapDiscord();
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = Build(args);
        try
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            // A setting is missing or wrong: say which, without a stack trace (see appsettings.example.json).
            await Console.Error.WriteLineAsync($"Cannot start: {string.Join(Environment.NewLine, exception.Failures)}").ConfigureAwait(false);
            return 1;
        }
    }
}
