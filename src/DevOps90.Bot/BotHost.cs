using DevOps90.Bot.Content;
using DevOps90.Bot.Coordination;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Health;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Reports;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Slack;
using DevOps90.Bot.Storage;
using DevOps90.Bot.StudyGroups;
using DevOps90.Bot.Telemetry;
using DevOps90.Bot.Web;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot;

/// <summary>Builds and runs the long-lived bot process.</summary>
public static class BotHost
{
    /// <param name="args">Command-line settings (--Key=value).</param>
    /// <param name="overrides">Tests replace services here (the console's streams, the clock) after the bot's own.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        // The slim builder leaves out what a chat bot never uses (IIS, HTTP/3 over QUIC, hosting startup assemblies,
        // the EventLog and Debug loggers): a smaller process (bench/footprint.sh). HTTPS endpoints still work.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = BotConfiguration.BaseDirectory,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        // The slim builder pins the console to its simple formatter; Logging:Console (FormatterName=json) decides again.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        BotConfiguration.Apply(builder.Configuration, builder.Environment.EnvironmentName, args);

        // Hosted services start in this order: the schema and the cohorts first, the scheduler after them. Quartz's
        // scheduler is created meanwhile (it needs neither), on the other core.
        builder.Services.AddHostedService<Scheduling.SchedulerWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StartupTasks>());
        builder.Services.AddSingleton<StartupTasks>();
        builder.Services.AddHostedService<CohortFollower>();
        builder.Services.AddInFlightDrain();
        builder.AddContent(BotConfiguration.BaseDirectory, BotConfiguration.ContentCheckouts(builder.Configuration));
        builder.Services.AddHostedService<ContentReport>();
        builder.AddStorage(BotConfiguration.BaseDirectory);
        builder.AddCoordination();
        builder.AddStudyGroups();
        builder.AddWeb();
        builder.Services.AddReports();
        builder.Services.AddSingleton<ParticipationReports>();
        builder.Services.AddSingleton<Certificates>();
        builder.Services.AddHostedService<ChartFontCheck>();
        if (StartupCodeTrim.IsEnabled(builder.Configuration))
        {
            builder.Services.AddHostedService<StartupCodeTrim>();
        }

        builder.AddDiscord();
        builder.AddSlack();
        builder.AddLocalConsole();
        builder.AddScheduling(BotConfiguration.BaseDirectory);
        builder.Services.AddBotHealth();
        builder.AddBotTelemetry();
        overrides?.Invoke(builder.Services);

        // The start's own failure is reported once, as one clear line (RunAsync); the host's error with its stack
        // trace would come first and bury it. Faults after the start are still logged, at Critical.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        var app = builder.Build();
        app.MapBotHealth();
        app.MapBotTelemetry();
        app.MapDiscord();
        app.MapSlack();
        app.MapWeb();
        return app;
    }

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) => RunAsync(args, Console.Error, null, cancellationToken);

    /// <param name="errors">Where a failed start is explained (standard error).</param>
    /// <param name="overrides">As for <see cref="Build"/>.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter errors, Action<IServiceCollection>? overrides, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Build(args, overrides);
        }
        catch (Exception exception) when (exception.GetType().Name != "StopTheHostException")
        {
            // (Tools that load the host, WebApplicationFactory and the EF tools, stop it with that exception once
            // they have it: it must pass through.)
            return await FailedStartAsync(exception, null, args, errors).ConfigureAwait(false);
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return await FailedStartAsync(exception, app, args, errors).ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    /// <summary>
    /// One line per problem, naming the setting or path and what to do; the exception itself only at Debug level.
    /// </summary>
    private static async Task<int> FailedStartAsync(Exception exception, WebApplication? app, string[] args, TextWriter errors)
    {
        var database = DatabaseOf(app);
        var databasePath = database is Storage.Sqlite.SqliteDatabase sqlite ? sqlite.DataSource : null;
        foreach (var line in StartupFailure.Describe(exception, databasePath, database?.Description))
        {
            await errors.WriteLineAsync($"Cannot start: {line}").ConfigureAwait(false);
        }

        if (app is not null)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DevOps90.Bot.Startup");
            StartupLog.Details(logger, exception);
            try
            {
                // Stops what had started (the console, the scheduler) so the process can end.
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception stopFailure)
            {
                // A start that failed before any service started leaves the host unable to stop (it throws): nothing runs.
                StartupLog.Details(logger, stopFailure);
            }
        }
        else if (BotConfiguration.Build(args)["Logging:LogLevel:Default"] is "Debug" or "Trace")
        {
            await errors.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }

        return 1;
    }

    /// <summary>The database, to name it; none when the storage settings themselves are what failed.</summary>
    private static IDatabase? DatabaseOf(WebApplication? app)
    {
        try
        {
            return app?.Services.GetService<IDatabase>();
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "The start failed")]
    public static partial void Details(ILogger logger, Exception exception);
}
