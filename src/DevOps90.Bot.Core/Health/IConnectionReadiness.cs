namespace DevOps90.Bot.Core.Health;

/// <summary>How one long-lived platform connection stands, for the readiness probe.</summary>
/// <param name="Ready">True when connected, or when this instance has nothing to hold (another instance holds it).</param>
public sealed record ConnectionState(string Name, bool Ready, string Description);

/// <summary>
/// A platform connection the bot keeps open (Discord's gateway shards, Slack's Socket Mode). HTTP endpoints need none:
/// they are ready when the host listens.
/// </summary>
public interface IConnectionReadiness
{
    IEnumerable<ConnectionState> Connections { get; }
}
