using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Delivery;

public enum PublishOutcome
{
    Sent,

    /// <summary>Worth trying again later (a timeout, a 5xx, a rate limit).</summary>
    TransientFailure,

    /// <summary>Trying again cannot help (the channel is gone, the bot lost access).</summary>
    PermanentFailure,
}

public sealed record PublishResult(PublishOutcome Outcome, string? MessageId = null, string? Reason = null)
{
    public static PublishResult Sent(string messageId) => new(PublishOutcome.Sent, messageId);

    public static PublishResult Transient(string reason) => new(PublishOutcome.TransientFailure, Reason: reason);

    public static PublishResult Permanent(string reason) => new(PublishOutcome.PermanentFailure, Reason: reason);
}

/// <summary>A chat platform's way of posting into a channel; each adapter implements it.</summary>
public interface IChatPublisher
{
    /// <summary>The platform of the targets it serves ("console", "discord").</summary>
    string Platform { get; }

    /// <summary>
    /// True when the platform itself drops a second post under the same idempotency key (Discord's nonce, for a few
    /// minutes). Where it does not, <see cref="FindPublishedAsync"/> is what keeps a resend from posting twice.
    /// </summary>
    bool DeduplicatesResends => false;

    /// <summary>
    /// Looks in the channel for a post made earlier under <paramref name="idempotencyKey"/>, since
    /// <paramref name="since"/>: asked before an attempt that follows one whose outcome is unknown (a crash, a
    /// timeout). Returns the message id when found; null when not found or the platform cannot tell.
    /// </summary>
    Task<string?> FindPublishedAsync(ChatTarget target, string idempotencyKey, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);

    /// <param name="idempotencyKey">The same for every attempt at one post; platforms that support it deduplicate on it.</param>
    /// <param name="mentionRoleId">A role to mention, and the only one the message may mention.</param>
    Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a message the bot posted earlier; mentions in it notify nobody. A permanent failure means the message
    /// is gone (deleted) or cannot be edited, so callers post a new one.
    /// </summary>
    Task<PublishResult> EditAsync(ChatTarget target, string messageId, Reply post, CancellationToken cancellationToken = default) =>
        Task.FromResult(PublishResult.Permanent($"{Platform} messages cannot be edited"));

    /// <summary>
    /// Opens the discussion thread of a post the bot made and returns its id. A platform where the replies under a
    /// post are its thread (Slack, the console) opens nothing: the post's own id is the thread's. Called again for the
    /// same post (a restart, another instance), it must not open a second thread.
    /// </summary>
    Task<PublishResult> OpenThreadAsync(ChatTarget target, string messageId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(PublishResult.Sent(messageId));

    /// <summary>
    /// Posts into a thread <see cref="OpenThreadAsync"/> opened; mentions in it notify nobody. A thread that is
    /// archived is left alone: a permanent failure, so that the caller posts in the channel instead.
    /// </summary>
    Task<PublishResult> PostInThreadAsync(ChatTarget target, string threadId, Reply post, string idempotencyKey, CancellationToken cancellationToken = default) =>
        PublishAsync(target, post, idempotencyKey, null, cancellationToken);

    /// <summary>
    /// Gives a member of the channel's community a role (a milestone's). Platforms without roles (Slack, the
    /// console) answer <see cref="RoleGrantOutcome.NotSupported"/>.
    /// </summary>
    Task<RoleGrantResult> GiveRoleAsync(ChatTarget target, string memberId, string roleId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RoleGrantResult(RoleGrantOutcome.NotSupported));
}
