using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DevOps90.Bot.Slack.Inbound;

namespace DevOps90.Bot.Slack.Tests;

/// <summary>Records what reaches the handler, and answers as the test scripts it (null by default: an empty ack).</summary>
internal sealed class RecordingInboundHandler : ISlackInboundHandler
{
    private readonly Channel<SlackInbound> _received = Channel.CreateUnbounded<SlackInbound>();
    private readonly ConcurrentQueue<SlackInbound> _all = new();

    /// <summary>What the handler does with each inbound; the default acknowledges with nothing.</summary>
    public Func<SlackInbound, CancellationToken, Task<JsonObject?>> Behaviour { get; set; } = (_, _) => Task.FromResult<JsonObject?>(null);

    public IReadOnlyList<SlackInbound> All => [.. _all];

    public async Task<JsonObject?> HandleAsync(SlackInbound inbound, CancellationToken cancellationToken = default)
    {
        _all.Enqueue(inbound);
        _received.Writer.TryWrite(inbound);
        return await Behaviour(inbound, cancellationToken);
    }

    /// <summary>The next inbound the handler was called with (waiting for it, in real time, at most 10 s).</summary>
    public async Task<SlackInbound> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
