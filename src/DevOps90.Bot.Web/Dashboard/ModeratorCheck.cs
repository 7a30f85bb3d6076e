using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// Which study groups a signed-in user moderates, by the rule the bot's commands apply. Discord: Administrator or
/// Manage Server in the server of the group's channel, or a user id or role the group names in its moderators. Slack:
/// the groups whose channel is in the user's workspace, by the Slack adapter's own rule (<see cref="IModeratorRule"/>).
/// </summary>
internal sealed class ModeratorCheck(ICohortDirectory cohorts, IEnumerable<ICommunityDirectory> communities, IEnumerable<IModeratorRule> rules, DiscordOAuthClient discord)
{
    // Administrator (1 << 3) or Manage Server (1 << 5), as Interaction.IsModerator reads them.
    private const ulong ModeratorBits = (1UL << 3) | (1UL << 5);

    // Members of ours are named per platform (the Discord adapter's DiscordMembers): "discord:<user id>".
    public static string MemberId(string userId) => "discord:" + userId;

    // And the Slack adapter's SlackMembers: "slack:<team id>:<user id>".
    public static string SlackMemberId(SlackIdentity identity) => $"slack:{identity.TeamId}:{identity.UserId}";

    public async Task<string[]> SlackCohortsAsync(SlackIdentity identity, CancellationToken cancellationToken)
    {
        var directory = communities.FirstOrDefault(community => community.Platform == "slack");
        var rule = rules.FirstOrDefault(rule => rule.Platform == "slack");
        if (directory is null || rule is null)
        {
            return [];
        }

        var moderated = new List<string>();
        foreach (var cohort in cohorts.All.Where(cohort => cohort.Target.Platform == "slack"))
        {
            // Another workspace's admin is nobody here, whatever their rights at home.
            if (await directory.CommunityOfAsync(cohort.Target.Channel, cancellationToken).ConfigureAwait(false) == identity.TeamId
                && await rule.ModeratesAsync(cohort, identity.UserId, cancellationToken).ConfigureAwait(false))
            {
                moderated.Add(cohort.Id.Value);
            }
        }

        return [.. moderated];
    }

    public async Task<string[]> DiscordCohortsAsync(DiscordIdentity identity, string token, CancellationToken cancellationToken)
    {
        var directory = communities.FirstOrDefault(community => community.Platform == "discord");
        if (directory is null)
        {
            return [];
        }

        var member = MemberId(identity.UserId);
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var moderated = new List<string>();
        foreach (var cohort in cohorts.All.Where(cohort => cohort.Target.Platform == "discord"))
        {
            var guild = await directory.CommunityOfAsync(cohort.Target.Channel, cancellationToken).ConfigureAwait(false);
            if (guild is null || !identity.GuildPermissions.TryGetValue(guild, out var permissions))
            {
                continue;
            }

            if ((permissions & ModeratorBits) != 0)
            {
                moderated.Add(cohort.Id.Value);
                continue;
            }

            if (!cohort.Moderators.IsEmpty)
            {
                if (!roles.TryGetValue(guild, out var theirs))
                {
                    roles[guild] = theirs = await discord.RolesAsync(token, guild, cancellationToken).ConfigureAwait(false);
                }

                if (cohort.NamesModerator(member, theirs))
                {
                    moderated.Add(cohort.Id.Value);
                }
            }
        }

        return [.. moderated];
    }
}
