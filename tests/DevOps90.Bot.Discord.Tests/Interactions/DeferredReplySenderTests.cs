using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Tests.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevOps90.Bot.Discord.Tests.Interactions;

public sealed class DeferredReplySenderTests
{
    private static readonly Snowflake _application = new(1200000000000000002);

    [Fact]
    public async Task SlowReply_DoesNotHoldUpTheOnesQueuedBehindIt()
    {
        var queue = new DeferredReplies(new InFlightWork());
        using var rest = new RestHarness();
        using var sender = new DeferredReplySender(queue, rest.Client, rest.Time, NullLogger<DeferredReplySender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        var slow = new TaskCompletionSource<MessagePayload>();

        queue.TryEnqueue(new DeferredReply(new Snowflake(1), _application, "slow-token", slow.Task));
        queue.TryEnqueue(new DeferredReply(new Snowflake(2), _application, "quick-token", Task.FromResult(new MessagePayload { Content = "done" })));
        queue.CallbackSent(new Snowflake(1));
        queue.CallbackSent(new Snowflake(2));
        var first = await NextRequestAsync(rest.Handler);
        slow.SetResult(new MessagePayload { Content = "slow" });
        var second = await NextRequestAsync(rest.Handler, after: 1);
        await sender.StopAsync(CancellationToken.None);

        Assert.Contains("/quick-token/messages/@original", first.Uri!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/slow-token/messages/@original", second.Uri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_ReplyStillBeingPrepared_IsDeliveredBeforeTheStop_AndNothingNewIsTaken()
    {
        using var inFlight = new InFlightWork();
        var queue = new DeferredReplies(inFlight);
        using var rest = new RestHarness();
        using var sender = new DeferredReplySender(queue, rest.Client, rest.Time, NullLogger<DeferredReplySender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        var slow = new TaskCompletionSource<MessagePayload>();
        queue.TryEnqueue(new DeferredReply(new Snowflake(1), _application, "slow-token", slow.Task));
        queue.CallbackSent(new Snowflake(1));

        // As the host stops: the drain begins, then the services stop.
        var draining = inFlight.DrainAsync(CancellationToken.None);
        var taken = queue.TryEnqueue(new DeferredReply(new Snowflake(2), _application, "late-token", Task.FromResult(new MessagePayload { Content = "late" })));
        slow.SetResult(new MessagePayload { Content = "slow" });
        await draining;
        await sender.StopAsync(CancellationToken.None);

        Assert.False(taken);
        var edit = Assert.Single(rest.Handler.Requests);
        Assert.Contains("/slow-token/messages/@original", edit.Uri!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, inFlight.Running);
    }

    private static async Task<RecordedRequest> NextRequestAsync(FakeDiscordHandler handler, int after = 0)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (handler.Requests.Count <= after)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }

        return handler.Requests[after];
    }
}
