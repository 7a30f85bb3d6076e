using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing.Telemetry;
using Microsoft.Extensions.Time.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Telemetry;

/// <summary>What operators page on: posts by outcome and delay, commands by outcome, reconnects, readiness.</summary>
public sealed class BotMetricsTests : IDisposable
{
    private readonly MetricRecorder _recorder = new();

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task DeliverDue_SentLate_CountsASentPostAndItsDelay_OnceForTwoCalls()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:42Z");
        var service = bot.NewService(metrics: _recorder.Metrics);

        await service.DeliverDueAsync(Id);
        await service.DeliverDueAsync(Id);

        var post = Assert.Single(_recorder.Of("devops90.posts"));
        Assert.Equal(("group", "console", "sent"), (post.Tag("cohort"), post.Tag("platform"), post.Tag("outcome")));
        Assert.Equal(42, Assert.Single(_recorder.Of("devops90.post.delay")).Value);
    }

    [Fact]
    public async Task DeliverDue_PlatformRefuses_CountsAFailure_WithoutADelay()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        bot.Publisher.FailNext(PublishResult.Permanent("Missing Access"));
        var service = bot.NewService(metrics: _recorder.Metrics);

        await service.DeliverDueAsync(Id);

        Assert.Equal("failed", Assert.Single(_recorder.Of("devops90.posts")).Tag("outcome"));
        Assert.Empty(_recorder.Of("devops90.post.delay"));
    }

    [Fact]
    public async Task DeliverDue_TooLate_CountsASkippedPost()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-03T12:00:00Z");
        var service = bot.NewService(new DeliveryOptions { StalenessWindow = TimeSpan.FromHours(6) }, _recorder.Metrics);

        Assert.Equal(DeliveryStatus.SkippedAsStale, (await service.DeliverDueAsync(Id)).Status);

        Assert.Equal("skipped", Assert.Single(_recorder.Of("devops90.posts")).Tag("outcome"));
    }

    [Fact]
    public async Task Dispatch_EachOutcome_IsCountedUnderItsCommand_UnknownNamesUnderOneLabel()
    {
        var time = new FakeTimeProvider(At("2027-01-03T12:00:00Z"));
        var dispatcher = new CommandDispatcher(
            [new Echo("echo", moderators: false), new Echo("purge", moderators: true), new Broken()],
            new InMemoryCohortDirectory([]),
            new BotDefaults("2022", "en", "Europe/Paris"),
            time,
            metrics: _recorder.Metrics);

        await dispatcher.DispatchAsync(new CommandRequest { Command = "Echo", MemberId = "discord:1" });
        await dispatcher.DispatchAsync(new CommandRequest { Command = "purge", MemberId = "slack:T1:U1" });
        await dispatcher.DispatchAsync(new CommandRequest { Command = "no-such-thing-42" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchAsync(new CommandRequest { Command = "broken" }).AsTask());

        var counted = _recorder.Of("devops90.commands").Select(m => (m.Tag("platform"), m.Tag("command"), m.Tag("outcome")));
        Assert.Equal(
            [("discord", "echo", "answered"), ("slack", "purge", "refused"), ("console", "(unknown)", "unknown"), ("console", "broken", "failed")],
            counted);
        Assert.Equal(4, _recorder.Of("devops90.command.duration").Count);
    }

    [Fact]
    public void ConnectionBoard_NeverOpen_IsNotReady_ADropIsForgivenForThirtySeconds_AndCountedAsAReconnect()
    {
        var time = new FakeTimeProvider(At("2027-01-03T12:00:00Z"));
        var board = new ConnectionBoard(time, _recorder.Metrics);

        board.Connecting("discord", "discord shard 0");
        var starting = Assert.Single(board.Connections);
        board.Connected("discord shard 0");
        var open = Assert.Single(board.Connections);
        board.Connecting("discord", "discord shard 0");
        time.Advance(TimeSpan.FromSeconds(29));
        board.Connecting("discord", "discord shard 0");
        var resuming = Assert.Single(board.Connections);
        time.Advance(TimeSpan.FromSeconds(2));
        var down = Assert.Single(board.Connections);
        board.Released("discord shard 0");

        Assert.Equal((false, "connecting for 0 s"), (starting.Ready, starting.Description));
        Assert.True(open.Ready);
        Assert.Equal((true, "reconnecting for 29 s"), (resuming.Ready, resuming.Description));
        Assert.Equal((false, "reconnecting for 31 s"), (down.Ready, down.Description));
        Assert.Empty(board.Connections);
        var reconnect = Assert.Single(_recorder.Of("devops90.connection.reconnects"));
        Assert.Equal(("discord", "discord shard 0"), (reconnect.Tag("platform"), reconnect.Tag("connection")));
    }

    private sealed class Echo(string name, bool moderators) : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new(name, [], ForModerators: moderators);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Reply.Text(name));
    }

    private sealed class Broken : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("broken", []);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("broken on purpose");
    }
}
