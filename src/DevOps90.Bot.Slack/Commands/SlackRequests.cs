using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>Who sent a command and where, as a slash command's fields or an interaction's payload tell it.</summary>
internal sealed record SlackCaller(string TeamId, string UserId, string? ChannelId);

/// <summary>
/// Turns what a Slack member typed or pressed into the platform-neutral request: the member as "slack:team:user", the
/// cohort of the channel, moderator rights (workspace admins and owners, and whoever the cohort names: a user id, or a
/// user group as "role:S…"), the member's Slack locale.
/// </summary>
internal sealed class SlackRequests(CommandDispatcher dispatcher, ICohortDirectory cohorts, SlackUsers users)
{
    public const string Platform = "slack";

    public async Task<CommandRequest> BuildAsync(SlackCaller caller, TypedCommand typed, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(caller.UserId, cancellationToken).ConfigureAwait(false);
        var channel = caller.ChannelId is { Length: > 0 } id ? new ChatTarget(Platform, id) : null;
        var cohort = channel is null ? null : cohorts.FindByTarget(channel);
        return new CommandRequest
        {
            Command = typed.Command,
            Subcommand = typed.Subcommand,
            Options = Normalize(caller.TeamId, typed),
            CohortId = cohort?.Id,
            Channel = channel,
            Community = caller.TeamId,
            MemberId = SlackMembers.MemberId(caller.TeamId, caller.UserId),
            DisplayName = user.Name,
            IsModerator = user.IsAdmin || (cohort?.Moderators.Contains(caller.UserId) ?? false),
            MemberRoles = cohort is null ? [] : await users.ModeratorGroupsAsync(cohort, caller.UserId, cancellationToken).ConfigureAwait(false),
            UserLocale = user.Locale,
        };
    }

    /// <summary>Member options name Slack users and become members of ours; any other reference becomes its bare id.</summary>
    private ImmutableDictionary<string, string> Normalize(string teamId, TypedCommand typed)
    {
        var members = dispatcher.Find(typed.Command)?.OptionsOf(typed.Subcommand).Where(option => option.Kind == OptionKind.Member).Select(option => option.Name).ToHashSet() ?? [];
        var options = typed.Options;
        foreach (var (name, value) in typed.Options)
        {
            options = options.SetItem(name, members.Contains(name) && SlackMentions.UserId(value) is { } user
                ? SlackMembers.MemberId(teamId, user)
                : SlackMentions.Bare(value));
        }

        return options;
    }
}
