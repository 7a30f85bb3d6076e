using System.Collections.Concurrent;
using DevOps90.Bot.Core.Background;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// A reply not sent with the callback (late, or carrying files): finished later by editing the deferred response.
/// </summary>
public sealed record DeferredReply(Snowflake InteractionId, Snowflake ApplicationId, string InteractionToken, Task<Payloads.MessagePayload> Work);

/// <summary>
/// The queue of deferred replies; <see cref="DeferredReplySender"/> runs it, and a stopping host finishes every reply
/// it took (<see cref="InFlightWork"/>). The transports report when the deferring callback has gone out, since an edit
/// of @original that overtakes it finds nothing to edit: a reply ready at once (a file) would otherwise race the very
/// answer that announces it.
/// </summary>
public sealed class DeferredReplies(InFlightWork inFlight)
{
    /// <summary>
    /// Replies finished at once: a slow command, or an upload of megabytes, must not hold up the ones queued behind it.
    /// Each interaction token is its own rate-limit bucket, so they do not compete for one either.
    /// </summary>
    public const int MaxConcurrentReplies = 8;

    private readonly ConcurrentDictionary<Snowflake, TaskCompletionSource<bool>> _callbacks = new();

    internal BackgroundWorkers<DeferredReply> Queue { get; } = new(inFlight, MaxConcurrentReplies, AtStop.FinishQueued);

    /// <summary>
    /// Takes the reply to finish; false once the host has begun to stop, when nothing new is taken (the interaction
    /// is then left unanswered, as when the bot is down).
    /// </summary>
    public bool TryEnqueue(DeferredReply reply)
    {
        _callbacks[reply.InteractionId] = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Queue.TryEnqueue(reply))
        {
            return true;
        }

        _callbacks.TryRemove(reply.InteractionId, out _);
        return false;
    }

    /// <summary>The callback of this interaction reached Discord (or failed to); does nothing for one not deferred.</summary>
    public void CallbackSent(Snowflake interactionId, bool succeeded = true)
    {
        if (_callbacks.TryGetValue(interactionId, out var callback))
        {
            callback.TrySetResult(succeeded);
        }
    }

    /// <summary>
    /// Whether the deferring callback went out. A transport that does not report is given <paramref name="patience"/>
    /// (Discord's own 3-second deadline): after it, the deferral is either registered or lost, and waiting longer
    /// changes neither.
    /// </summary>
    internal async Task<bool> CallbackSentAsync(DeferredReply reply, TimeSpan patience, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!_callbacks.TryGetValue(reply.InteractionId, out var callback))
        {
            return true;
        }

        try
        {
            return await callback.Task.WaitAsync(patience, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return true;
        }
        finally
        {
            _callbacks.TryRemove(new KeyValuePair<Snowflake, TaskCompletionSource<bool>>(reply.InteractionId, callback));
        }
    }
}
