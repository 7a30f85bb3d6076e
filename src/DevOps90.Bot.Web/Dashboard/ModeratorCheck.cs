using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// Which study groups a signed-in user moderates, by the rule the bot's commands apply. Discord: Administrator or
/// Manage Server in the server of the group's channel, or a user id or role the group names in its moderators. Slack:
/// the groups whose channel is in the user's workspace, by the Slack adapter's own rule (<see cref="IModeratorRule"/>).
/// Asked for every group at sign-in, and for one group again before a change or an export, since rights taken away
/// on the platform (or a role the group stopped naming) must not outlive the 8-hour session.
/// </summary>
internal sealed class ModeratorCheck(ICohortDirectory cohorts, IEnumerable<ICommunityDirectory> communities, IEnumerable<IModeratorRule> rules, DiscordOAuthClient discord)
{
    // Administrator (1 << 3) or Manage Server (1 << 5), as Interaction.IsModerator reads them.
    private const ulong ModeratorBits = (1UL << 3) | (1UL << 5);

    private const string DiscordPrefix = "discord:";
    private const string SlackPrefix = "slack:";

    // Members of ours are named per platform (the Discord adapter's DiscordMembers): "discord:<user id>".
    public static string MemberId(string userId) => DiscordPrefix + userId;

    // And the Slack adapter's SlackMembers: "slack:<team id>:<user id>".
    public static string SlackMemberId(SlackIdentity identity) => $"{SlackPrefix}{identity.TeamId}:{identity.UserId}";

    public Task<string[]> SlackCohortsAsync(SlackIdentity identity, CancellationToken cancellationToken) =>
        ModeratedAsync("slack", cohort => SlackModeratesAsync(identity, cohort, cancellationToken));

    public Task<string[]> DiscordCohortsAsync(DiscordIdentity identity, string token, CancellationToken cancellationToken)
    {
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        return ModeratedAsync("discord", cohort => DiscordModeratesAsync(identity, token, cohort, roles, cancellationToken));
    }

    /// <summary>Whether the session's user moderates the group now, asked of the platform again.</summary>
    public async Task<bool> StillModeratesAsync(ModeratorSession session, string cohortId, CancellationToken cancellationToken)
    {
        if (!session.Moderates(cohortId) || cohorts.Find(new CohortId(cohortId)) is not { } cohort)
        {
            return false;
        }

        if (session.MemberId.StartsWith(DiscordPrefix, StringComparison.Ordinal))
        {
            return session.DiscordToken is { } token
                && await discord.IdentityAsync(token, cancellationToken).ConfigureAwait(false) is { } identity
                && MemberId(identity.UserId) == session.MemberId
                && await DiscordModeratesAsync(identity, token, cohort, [], cancellationToken).ConfigureAwait(false);
        }

        return session.MemberId.StartsWith(SlackPrefix, StringComparison.Ordinal)
            && session.MemberId[SlackPrefix.Length..].Split(':') is [var team, var user]
            && await SlackModeratesAsync(new SlackIdentity(team, user, null), cohort, cancellationToken).ConfigureAwait(false);
    }

    // One group after the other: the Discord check fills its per-server roles as it goes.
    private async Task<string[]> ModeratedAsync(string platform, Func<Cohort, Task<bool>> moderates)
    {
        var moderated = new List<string>();
        foreach (var cohort in cohorts.All.Where(cohort => cohort.Target.Platform == platform))
        {
            if (await moderates(cohort).ConfigureAwait(false))
            {
                moderated.Add(cohort.Id.Value);
            }
        }

        return [.. moderated];
    }

    private async Task<bool> SlackModeratesAsync(SlackIdentity identity, Cohort cohort, CancellationToken cancellationToken)
    {
        var directory = communities.FirstOrDefault(community => community.Platform == "slack");
        var rule = rules.FirstOrDefault(rule => rule.Platform == "slack");

        // Another workspace's admin is nobody here, whatever their rights at home.
        return cohort.Target.Platform == "slack" && directory is not null && rule is not null
            && await directory.CommunityOfAsync(cohort.Target.Channel, cancellationToken).ConfigureAwait(false) == identity.TeamId
            && await rule.ModeratesAsync(cohort, identity.UserId, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="roles">The user's roles per server, filled as servers are asked (one call per server).</param>
    private async Task<bool> DiscordModeratesAsync(
        DiscordIdentity identity, string token, Cohort cohort, Dictionary<string, IReadOnlyList<string>> roles, CancellationToken cancellationToken)
    {
        var directory = communities.FirstOrDefault(community => community.Platform == "discord");
        if (cohort.Target.Platform != "discord" || directory is null)
        {
            return false;
        }

        var guild = await directory.CommunityOfAsync(cohort.Target.Channel, cancellationToken).ConfigureAwait(false);
        if (guild is null || !identity.GuildPermissions.TryGetValue(guild, out var permissions))
        {
            return false;
        }

        if ((permissions & ModeratorBits) != 0)
        {
            return true;
        }

        if (cohort.Moderators.IsEmpty)
        {
            return false;
        }

        if (!roles.TryGetValue(guild, out var theirs))
        {
            roles[guild] = theirs = await discord.RolesAsync(token, guild, cancellationToken).ConfigureAwait(false);
        }

        return cohort.NamesModerator(MemberId(identity.UserId), theirs);
    }
}
