using System.Collections.Concurrent;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>
/// Who goes first when the global limit holds requests back: the one that came first, whatever order the timers
/// fire in; and what a cold start lets through before its first answer.
/// </summary>
public sealed class DiscordRateLimiterQueueTests
{
    private static readonly RateLimitHeaders NoHeaders = new(null, null, null, null, false, RateLimitScope.None, null);

    [Fact]
    public async Task AcquireAsync_NewRequestsKeepComingWhileOthersWait_ServesThemInTheOrderTheyCame()
    {
        var clock = new NewestFirstClock(RestHarness.Start);
        var limiter = new DiscordRateLimiter(new DiscordRestPolicy { GlobalRequestsPerSecond = 1 }, clock, NullLogger<DiscordRateLimiter>.Instance);
        await limiter.AcquireAsync(Post(0));
        limiter.OnResponse(Post(0), 200, NoHeaders);
        var served = new ConcurrentQueue<int>();
        var waiting = new List<Task>();

        // One more request every second, as senders that finish take the next post: the limit lets one a second through.
        for (var request = 1; request <= 6; request++)
        {
            var number = request;
            waiting.Add(limiter.AcquireAsync(Post(number)).ContinueWith(_ => served.Enqueue(number), TaskScheduler.Default));
            await AdvanceAsync(clock, TimeSpan.FromSeconds(request == 1 ? 0.5 : 1));
        }

        for (var steps = 0; !Task.WhenAll(waiting).IsCompleted; steps++)
        {
            Assert.True(steps < 10_000, "the requests were never let through");
            await AdvanceAsync(clock, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], served);
    }

    [Fact]
    public async Task AcquireAsync_ColdStart_OneBurstGoesBeforeTheFirstAnswer_AndCountsFromIt()
    {
        var clock = new FakeTimeProvider(RestHarness.Start);
        var limiter = new DiscordRateLimiter(new DiscordRestPolicy(), clock, NullLogger<DiscordRateLimiter>.Instance);
        var requests = Enumerable.Range(1, 60).Select(i => limiter.AcquireAsync(Post(i))).ToList();

        // Half a second and no answer: only the first burst of ten has gone, though the pacing alone allows thirty.
        for (var step = 0; step < 50; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        Assert.Equal(10, requests.Count(request => request.IsCompleted));

        // The first answer: the ten count from now. Within the next second (the window and its margin), forty more.
        limiter.OnResponse(Post(1), 200, NoHeaders);
        for (var step = 0; step < 102; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        Assert.Equal(50, requests.Count(request => request.IsCompleted));
    }

    [Fact]
    public async Task AcquireAsync_ShareOf17_SendsAll17ASecond()
    {
        // Three instances' shares of 50 are 17, 17 and 16: a fifth of 17 is 3.4, and three a fifth would be 15 a second.
        var clock = new FakeTimeProvider(RestHarness.Start);
        var limiter = new DiscordRateLimiter(new DiscordRestPolicy { GlobalRequestsPerSecond = 17 }, clock, NullLogger<DiscordRateLimiter>.Instance);
        limiter.OnResponse(Post(0), 200, NoHeaders);
        var requests = Enumerable.Range(1, 300).Select(i => limiter.AcquireAsync(Post(i))).ToList();

        // Ten windows of a second and the margin.
        for (var step = 0; step < 1_025; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        Assert.Equal(170, requests.Count(request => request.IsCompleted));
    }

    private static async Task AdvanceAsync(NewestFirstClock clock, TimeSpan by)
    {
        // In small steps, with time for the queue's next request to set its timer between them.
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromMilliseconds(25))
        {
            clock.Advance(TimeSpan.FromMilliseconds(25));
            await Task.Delay(1);
        }
    }

    private static DiscordRoute Post(int channel) => DiscordRoute.Bot(HttpMethod.Post, $"channels/{1_000 + channel}/messages");
}
