using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Slack.Api;

namespace DevOps90.Bot.Slack;

/// <summary>
/// The workspace of a Slack channel. The bot token belongs to one workspace and sees only its channels, so every
/// channel the bot can post to is in the token's workspace: auth.test names it once.
/// </summary>
internal sealed class SlackCommunities(ISlackApi api) : ICommunityDirectory
{
    private string? _team;

    public string Platform => Commands.SlackRequests.Platform;

    public async Task<string?> CommunityOfAsync(string channel, CancellationToken cancellationToken = default)
    {
        if (_team is { } known)
        {
            return known;
        }

        try
        {
            var answer = await api.CallAsync("auth.test", [], cancellationToken).ConfigureAwait(false);
            return _team = answer.GetProperty("team_id").GetString();
        }
        catch (SlackApiException)
        {
            // Not remembered: the next /status asks again.
            return null;
        }
    }
}
