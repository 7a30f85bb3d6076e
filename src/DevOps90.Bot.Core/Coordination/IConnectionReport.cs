namespace DevOps90.Bot.Core.Coordination;

public enum ConnectionKind
{
    /// <summary>A shard of a gateway websocket (Discord).</summary>
    GatewayShard,

    /// <summary>The Socket Mode websocket (Slack).</summary>
    SocketMode,
}

/// <summary>One long-lived connection to a platform and the instance that holds it (null: none at the moment).</summary>
/// <param name="Number">The shard id; 0 for a single connection.</param>
/// <param name="Count">How many of its kind there are (the shard count).</param>
public sealed record HeldConnection(ConnectionKind Kind, int Number, int Count, string? Holder, bool IsThisInstance);

/// <summary>
/// Which instance holds each of an adapter's long-lived connections, read from the shared lease store: what /status
/// shows moderators, whichever instance answers them.
/// </summary>
public interface IConnectionReport
{
    /// <summary>The platform, as a <see cref="Cohorts.ChatTarget"/> names it ("discord").</summary>
    string Platform { get; }

    Task<IReadOnlyList<HeldConnection>> HoldersAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
