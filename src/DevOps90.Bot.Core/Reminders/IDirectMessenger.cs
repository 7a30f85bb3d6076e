using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Reminders;

public enum DirectMessageOutcome
{
    Sent,

    /// <summary>The member takes no private messages from the bot (Discord 50007, Slack's refusals): not retried daily.</summary>
    Closed,

    /// <summary>Worth trying again later (a timeout, a 5xx, a rate limit).</summary>
    TransientFailure,

    /// <summary>Trying again cannot help (not a member id of this platform, the bot's token refused).</summary>
    PermanentFailure,
}

public sealed record DirectMessageResult(DirectMessageOutcome Outcome, string? MessageId = null, string? Reason = null);

/// <summary>A chat platform's private messages to one member; each adapter implements it.</summary>
public interface IDirectMessenger
{
    /// <summary>The platform whose member ids it serves ("discord", "slack"): the prefix of <c>discord:123</c>.</summary>
    string Platform { get; }

    Task<DirectMessageResult> SendAsync(string memberId, Reply message, CancellationToken cancellationToken = default);
}
