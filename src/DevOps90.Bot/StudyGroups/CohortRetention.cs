using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Storage;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>
/// The retention rule (Storage:InactiveCohortRetention): archived and retired cohorts are deleted with their data
/// once inactive for longer. Applied at start and on every reconciliation round, so a bot that runs for months
/// applies it without a restart.
/// </summary>
internal sealed partial class CohortRetention(CohortRegistry registry, IOptions<StorageOptions> storage, ILogger<CohortRetention> logger)
{
    public TimeSpan Period => storage.Value.InactiveCohortRetention;

    public async Task PurgeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var id in await registry.PurgeInactiveAsync(Period, cancellationToken).ConfigureAwait(false))
        {
            LogPurged(logger, id.Value, Period.TotalDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {CohortId} and its data deleted: inactive for over {RetentionDays} days (Storage:InactiveCohortRetention)")]
    private static partial void LogPurged(ILogger logger, string cohortId, double retentionDays);
}
