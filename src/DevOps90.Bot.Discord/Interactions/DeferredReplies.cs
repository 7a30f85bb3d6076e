using System.Threading.Channels;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>A reply that missed the callback deadline: finished later by editing the deferred response.</summary>
public sealed record DeferredReply(Snowflake ApplicationId, string InteractionToken, Task<Payloads.MessagePayload> Work);

/// <summary>The queue of deferred replies; <see cref="DeferredReplySender"/> drains it.</summary>
public sealed class DeferredReplies
{
    private readonly Channel<DeferredReply> _queue = Channel.CreateUnbounded<DeferredReply>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<DeferredReply> Reader => _queue.Reader;

    public void Enqueue(DeferredReply reply) => _queue.Writer.TryWrite(reply);
}
