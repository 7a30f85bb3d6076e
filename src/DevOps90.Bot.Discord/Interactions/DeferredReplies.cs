using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// A reply not sent with the callback (late, or carrying files): finished later by editing the deferred response.
/// </summary>
public sealed record DeferredReply(Snowflake InteractionId, Snowflake ApplicationId, string InteractionToken, Task<Payloads.MessagePayload> Work);

/// <summary>
/// The queue of deferred replies; <see cref="DeferredReplySender"/> drains it. The transports report when the
/// deferring callback has gone out, since an edit of @original that overtakes it finds nothing to edit: a reply ready
/// at once (a file) would otherwise race the very answer that announces it.
/// </summary>
public sealed class DeferredReplies
{
    private readonly Channel<DeferredReply> _queue = Channel.CreateUnbounded<DeferredReply>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Snowflake, TaskCompletionSource<bool>> _callbacks = new();

    public ChannelReader<DeferredReply> Reader => _queue.Reader;

    public void Enqueue(DeferredReply reply)
    {
        _callbacks[reply.InteractionId] = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(reply);
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
