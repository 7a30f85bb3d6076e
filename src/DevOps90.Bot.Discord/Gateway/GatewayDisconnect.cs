namespace DevOps90.Bot.Discord.Gateway;

internal enum GatewayNextStep
{
    Resume,
    Identify,
    Stop,
}

/// <summary>How one connection ended and what the rules of https://discord.com/developers/docs/events/gateway#disconnecting ask next.</summary>
/// <param name="Immediate">Discord asked to reconnect at once: no backoff for the first attempt.</param>
/// <param name="MinimumDelay">A wait the protocol itself asks for, on top of any backoff.</param>
internal sealed record GatewayDisconnect(GatewayNextStep Next, string Reason, int? CloseCode = null, bool Immediate = false, TimeSpan MinimumDelay = default)
{
    public static GatewayDisconnect Closed(int code) =>
        new(GatewayCloseCodes.IsFatal(code) ? GatewayNextStep.Stop : GatewayCloseCodes.AllowsResume(code) ? GatewayNextStep.Resume : GatewayNextStep.Identify,
            GatewayCloseCodes.Describe(code), code);

    /// <summary>Gone without a close code: resume (https://discord.com/developers/docs/events/gateway#resuming, case 3).</summary>
    public static GatewayDisconnect Lost(string reason) => new(GatewayNextStep.Resume, reason);

    public static GatewayDisconnect Zombie() => new(GatewayNextStep.Resume, "no heartbeat ACK since the last heartbeat", Immediate: true);

    public static GatewayDisconnect ReconnectRequested() => new(GatewayNextStep.Resume, "Discord asked to reconnect (opcode 7)", Immediate: true);

    public static GatewayDisconnect InvalidSession(bool resumable, TimeSpan wait) => resumable
        ? new(GatewayNextStep.Resume, "invalid session, resumable (opcode 9)", Immediate: true)
        : new(GatewayNextStep.Identify, "invalid session (opcode 9)", MinimumDelay: wait);

    /// <summary>
    /// A failed connection attempt. A failed resume falls back to a new session on the cached gateway URL
    /// (https://discord.com/developers/docs/events/gateway#handling-a-disconnect).
    /// </summary>
    public static GatewayDisconnect ConnectFailed(string reason) => new(GatewayNextStep.Identify, reason);
}
