using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Commands;

/// <summary>A member's command as every platform delivers it: name, options, who and where, their locales.</summary>
public sealed record CommandRequest
{
    public required string Command { get; init; }

    /// <summary>For a command with subcommands, the one chosen ("export" of /participation export).</summary>
    public string? Subcommand { get; init; }

    public ImmutableDictionary<string, string> Options { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The cohort of the channel the command came from, if it belongs to one.</summary>
    public CohortId? CohortId { get; init; }

    /// <summary>Where the command was typed (platform and channel), for commands that act on "this channel".</summary>
    public ChatTarget? Channel { get; init; }

    /// <summary>The community the command came from (Discord: the server's id); null in a direct message.</summary>
    public string? Community { get; init; }

    /// <summary>The member's platform id ("console" on the console).</summary>
    public string MemberId { get; init; } = "";

    /// <summary>
    /// The name the member shows in the community (Discord: server nickname, else global name, else username; Slack:
    /// display name), remembered at check-in for the group's web page, which shows names and never ids.
    /// </summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// The platform says this member may manage the group (Discord: Manage Server or Administrator); the dispatcher
    /// adds the cohort's own moderators. Moderator commands are hidden from others by the platform, and refused again
    /// by the dispatcher in case a client shows them anyway.
    /// </summary>
    public bool IsModerator { get; init; }

    /// <summary>The member's roles in the community, as the platform sends them (Discord: member.roles).</summary>
    public ImmutableArray<string> MemberRoles { get; init; } = [];

    public string? UserLocale { get; init; }

    public string? ServerLocale { get; init; }

    public string? Option(string name) =>
        Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
