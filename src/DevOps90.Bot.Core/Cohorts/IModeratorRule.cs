namespace DevOps90.Bot.Core.Cohorts;

/// <summary>
/// Whether a platform's user moderates a study group by the rule the bot's commands apply on that platform, for a
/// person who arrives from outside a command (the web dashboard's sign-in), where no command tells their rights.
/// </summary>
public interface IModeratorRule
{
    /// <summary>The platform whose users it judges ("slack").</summary>
    string Platform { get; }

    /// <param name="userId">The platform's own id of the user (not ours, which names the platform and community).</param>
    Task<bool> ModeratesAsync(Cohort cohort, string userId, CancellationToken cancellationToken = default);
}
