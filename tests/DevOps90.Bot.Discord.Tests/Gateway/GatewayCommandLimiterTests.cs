using DevOps90.Bot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Gateway;

public sealed class GatewayCommandLimiterTests
{
    [Fact]
    public async Task WaitAsync_CommandBudgetSpent_WaitsUntilTheWindowSlidesButLetsHeartbeatsThrough()
    {
        var clock = new FakeTimeProvider();
        var limiter = new GatewayCommandLimiter(clock);
        for (var i = 0; i < GatewayCommandLimiter.Budget - GatewayCommandLimiter.HeartbeatReserve; i++)
        {
            await limiter.WaitAsync(heartbeat: false).AsTask().WaitAsync(FakeGatewayServer.Patience);
        }

        var command = limiter.WaitAsync(heartbeat: false).AsTask();
        var heartbeat = limiter.WaitAsync(heartbeat: true).AsTask();
        clock.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        var waitedAlmostAWindow = command.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await command.WaitAsync(FakeGatewayServer.Patience);

        Assert.True(heartbeat.IsCompletedSuccessfully);
        Assert.False(waitedAlmostAWindow);
    }

    [Fact]
    public async Task WaitAsync_HeartbeatsIncluded_NeverMoreThanTheBudgetInAWindow()
    {
        var clock = new FakeTimeProvider();
        var limiter = new GatewayCommandLimiter(clock);
        for (var i = 0; i < GatewayCommandLimiter.Budget; i++)
        {
            // Commands first, then the heartbeats that may use the reserve.
            var heartbeatSend = i >= GatewayCommandLimiter.Budget - GatewayCommandLimiter.HeartbeatReserve;
            await limiter.WaitAsync(heartbeatSend).AsTask().WaitAsync(FakeGatewayServer.Patience);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var heartbeat = limiter.WaitAsync(heartbeat: true).AsTask();
        var blocked = !heartbeat.IsCompleted;
        // The oldest send, 11 s ago, leaves the window 49 s from now.
        clock.Advance(TimeSpan.FromSeconds(49));
        await heartbeat.WaitAsync(FakeGatewayServer.Patience);

        Assert.True(GatewayCommandLimiter.Budget < 120);
        Assert.True(blocked);
    }
}
