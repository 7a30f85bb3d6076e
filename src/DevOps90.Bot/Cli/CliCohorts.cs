using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Cli;

/// <summary>The cohort a command-line verb works on: the one named, else the console's, else the first.</summary>
internal static class CliCohorts
{
    /// <summary>Reads the cohorts as the bot would (settings seed the database), or says why there is none and returns null.</summary>
    public static async Task<Cohort?> FindAsync(IServiceProvider services, string? cohortId, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StartupTasks>().RunAsync(cancellationToken).ConfigureAwait(false);
        var cohorts = services.GetRequiredService<ICohortDirectory>();
        var cohort = cohortId is null
            ? cohorts.FindByTarget(ChatTarget.Console) ?? (cohorts.All.Count > 0 ? cohorts.All[0] : null)
            : cohorts.Find(new CohortId(cohortId));
        if (cohort is null)
        {
            await output.WriteLineAsync(cohortId is null
                ? "No cohort is configured (see Cohorts in appsettings.example.json)."
                : $"No cohort '{cohortId}'. Known: {string.Join(", ", cohorts.All.Select(known => known.Id))}.").ConfigureAwait(false);
        }

        return cohort;
    }
}
