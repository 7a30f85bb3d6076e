namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// What a RESUME needs (https://discord.com/developers/docs/events/gateway#preparing-to-resume): the READY event's
/// session_id and resume_gateway_url, and the last sequence number received. The receive loop writes the sequence while
/// the heartbeat loop reads it.
/// </summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public long? Sequence => Interlocked.Read(ref _sequence) is var sequence and >= 0 ? sequence : null;

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>When this process last sent an IDENTIFY (a <see cref="TimeProvider"/> timestamp).</summary>
    public long? LastIdentifyTimestamp { get; set; }

    public void Track(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
