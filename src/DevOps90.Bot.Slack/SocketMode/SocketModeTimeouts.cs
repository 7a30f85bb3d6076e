namespace DevOps90.Bot.Slack.SocketMode;

/// <summary>How long the client waits on Slack before giving up on a step; tests stretch or shorten them.</summary>
internal sealed record SocketModeTimeouts(TimeSpan Connect, TimeSpan Hello, TimeSpan Drain, TimeSpan Close)
{
    /// <summary>
    /// Slack says hello as soon as the socket opens; a handler has 3 seconds to be acknowledged, so draining a
    /// connection waits a little longer than that; a close handshake is one round trip.
    /// </summary>
    public static readonly SocketModeTimeouts Default = new(
        Connect: TimeSpan.FromSeconds(15),
        Hello: TimeSpan.FromSeconds(15),
        Drain: TimeSpan.FromSeconds(5),
        Close: TimeSpan.FromSeconds(5));
}
