namespace DevOps90.Bot.Core.Cohorts;

/// <summary>
/// Which community (a Discord server) a channel belongs to, as its platform says: what keeps a moderator's view to
/// the groups of their own community.
/// </summary>
public interface ICommunityDirectory
{
    /// <summary>The platform of the channels it knows ("discord").</summary>
    string Platform { get; }

    /// <summary>The community of the channel; null when the platform does not say (the channel is gone or hidden).</summary>
    Task<string?> CommunityOfAsync(string channel, CancellationToken cancellationToken = default);
}
