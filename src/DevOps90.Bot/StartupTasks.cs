using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.StudyGroups;

namespace DevOps90.Bot;

/// <summary>
/// What must be ready before anything else runs: the database schema, then the cohorts (stored ones, with the
/// settings' written over those not changed at run time, and the settings' cohorts no longer configured retired).
/// Registered first, so it completes before the scheduler, the reconciliation and the channels start.
/// </summary>
internal sealed partial class StartupTasks(
    MigrationRunner migrations,
    IDatabase database,
    CohortRegistry registry,
    ConfiguredCohorts configured,
    CohortRetention retention,
    ILogger<StartupTasks> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private IDisposable? _reservation;
    private bool _done;

    /// <summary>
    /// The running bot first claims its database (a SQLite file serves one bot process; the command-line verbs,
    /// which do not start the host, may still read it beside that process).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reservation ??= database.ReserveForThisProcess();
        await RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _reservation?.Dispose();
        _once.Dispose();
    }

    /// <summary>Runs once per process; verbs that use the services without starting the host call it themselves.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done)
            {
                return;
            }

            var version = await migrations.MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogSchema(logger, database.Dialect.Name, database.Description, version);
            var start = await registry.InitializeAsync(configured.All, cancellationToken).ConfigureAwait(false);
            foreach (var id in start.Overridden)
            {
                LogOverridden(logger, id.Value);
            }

            foreach (var id in start.Retired)
            {
                LogRetired(logger, id.Value, retention.Period.TotalDays);
            }

            await retention.PurgeAsync(cancellationToken).ConfigureAwait(false);

            LogCohorts(logger, registry.All.Count);
            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Dialect} {DataSource} at schema version {SchemaVersion}")]
    private static partial void LogSchema(ILogger logger, string dialect, string dataSource, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort {CohortId} was changed at run time; its stored version is kept over the settings")]
    private static partial void LogOverridden(ILogger logger, string cohortId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort {CohortId} is no longer in the settings: retired (no schedule, no post); its data is deleted {RetentionDays} days from now unless it is configured again")]
    private static partial void LogRetired(ILogger logger, string cohortId, double retentionDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CohortCount} cohorts")]
    private static partial void LogCohorts(ILogger logger, int cohortCount);
}
