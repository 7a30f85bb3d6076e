namespace DevOps90.Bot.Core.Cohorts;

/// <summary>The cohorts the bot serves. Configuration seeds them; storage keeps run-time changes.</summary>
public interface ICohortDirectory
{
    IReadOnlyList<Cohort> All { get; }

    Cohort? Find(CohortId id);

    Cohort? FindByTarget(ChatTarget target);
}
