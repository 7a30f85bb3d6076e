using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Slack.Commands;

namespace DevOps90.Bot.Slack;

/// <summary>
/// A Slack user moderates a study group as <see cref="SlackRequests"/> decides for a command: a workspace admin or
/// owner, or named by the group (their user id, or a user group they are in). Asked by the web dashboard's sign-in.
/// </summary>
internal sealed class SlackModeratorRule(SlackUsers users, SlackCommunities workspace) : IModeratorRule
{
    public string Platform => SlackRequests.Platform;

    public async Task<bool> ModeratesAsync(Cohort cohort, string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.GetAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user.IsAdmin || cohort.Moderators.Contains(userId))
        {
            return true;
        }

        var team = await workspace.CommunityOfAsync(cohort.Target.Channel, cancellationToken).ConfigureAwait(false);
        var groups = await users.ModeratorGroupsAsync(cohort, userId, cancellationToken).ConfigureAwait(false);
        return team is not null && cohort.NamesModerator(SlackMembers.MemberId(team, userId), groups);
    }
}
