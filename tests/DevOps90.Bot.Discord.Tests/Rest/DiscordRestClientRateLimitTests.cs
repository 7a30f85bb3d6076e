using System.Net;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>
/// Rate limits as Discord's headers describe them; the header blocks are the examples of
/// https://discord.com/developers/docs/topics/rate-limits. Times are on a fake clock, so waits of a minute take none.
/// </summary>
public sealed class DiscordRestClientRateLimitTests
{
    private static readonly Snowflake Channel = new(1325000000000000002);
    private static readonly Snowflake OtherChannel = new(1325000000000000009);
    private static readonly MessagePayload Hello = new() { Content = "hello" };
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    // The docs' header example: the bucket is used up and resets in one second.
    private const string Exhausted = """
        X-RateLimit-Limit: 5
        X-RateLimit-Remaining: 0
        X-RateLimit-Reset: 1470173023
        X-RateLimit-Reset-After: 1
        X-RateLimit-Bucket: abcd1234
        """;

    private const string UserLimitHeaders = """
        Retry-After: 65
        X-RateLimit-Limit: 10
        X-RateLimit-Remaining: 0
        X-RateLimit-Reset: 1470173023.123
        X-RateLimit-Reset-After: 64.57
        X-RateLimit-Bucket: abcd1234
        X-RateLimit-Scope: user
        """;

    private const string UserLimitBody = """{"message": "You are being rate limited.", "retry_after": 64.57, "global": false}""";

    private const string SharedLimitHeaders = """
        Retry-After: 1337
        X-RateLimit-Limit: 10
        X-RateLimit-Remaining: 9
        X-RateLimit-Reset: 1470173023.123
        X-RateLimit-Reset-After: 64.57
        X-RateLimit-Bucket: abcd1234
        X-RateLimit-Scope: shared
        """;

    private const string SharedLimitBody = """{"message": "The resource is being rate limited.", "retry_after": 1336.57, "global": false}""";

    private const string GlobalLimitHeaders = """
        Retry-After: 65
        X-RateLimit-Global: true
        X-RateLimit-Scope: global
        """;

    private const string GlobalLimitBody = """{"message": "You are being rate limited.", "retry_after": 64.57, "global": true}""";

    [Fact]
    public async Task CreateMessageAsync_BucketExhausted_NextWaitsForResetAfter()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Message(Exhausted));

        await harness.Client.CreateMessageAsync(Channel, Hello);
        var second = harness.Client.CreateMessageAsync(Channel, Hello);
        harness.Time.Advance(TimeSpan.FromMilliseconds(990));
        await Task.Yield();
        Assert.Single(harness.Handler.Requests);

        await harness.RunAsync(second, Step);

        var sent = harness.Handler.Requests;
        Assert.Equal(2, sent.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), RestHarness.Elapsed(sent[1]));
    }

    [Fact]
    public async Task CreateMessageAsync_OtherChannelThanExhaustedBucket_GoesAtOnce()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Message(Exhausted));

        await harness.Client.CreateMessageAsync(Channel, Hello);
        await harness.Client.CreateMessageAsync(OtherChannel, Hello).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.All(harness.Handler.Requests, r => Assert.Equal(TimeSpan.Zero, RestHarness.Elapsed(r)));
    }

    [Fact]
    public async Task EditMessageAsync_OtherMessageSameChannel_SharesExhaustedBucket()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Message(Exhausted.Replace("Reset-After: 1", "Reset-After: 2.5", StringComparison.Ordinal)));

        await harness.Client.EditMessageAsync(Channel, new Snowflake(2), Hello);
        var other = harness.Client.EditMessageAsync(Channel, new Snowflake(3), Hello);
        await harness.RunAsync(other, Step);

        Assert.Equal(TimeSpan.FromSeconds(2.5), RestHarness.Elapsed(harness.Handler.Requests[1]));
    }

    [Fact]
    public async Task CreateMessageAsync_BucketNameLearnedFromEdit_WaitsForSharedBucket()
    {
        // Two routes Discord names with one X-RateLimit-Bucket share one limit: spending it on one holds the other.
        using var harness = new RestHarness();
        harness.Handler
            .Then(() => DiscordAnswer.Message(DiscordAnswer.RoomLeft))
            .Then(() => DiscordAnswer.Message(Exhausted.Replace("Reset-After: 1", "Reset-After: 3", StringComparison.Ordinal)));

        await harness.Client.CreateMessageAsync(Channel, Hello);
        await harness.Client.EditMessageAsync(Channel, new Snowflake(5), Hello);
        var create = harness.Client.CreateMessageAsync(Channel, Hello);
        await harness.RunAsync(create, Step);

        Assert.Equal(TimeSpan.FromSeconds(3), RestHarness.Elapsed(harness.Handler.Requests[2]));
    }

    [Fact]
    public async Task CreateMessageAsync_Global429_WaitsRetryAfterAndHoldsOtherBotRoutesButNotInteractions()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, GlobalLimitBody, GlobalLimitHeaders));

        var limited = harness.Client.CreateMessageAsync(Channel, Hello);
        var otherChannel = harness.Client.CreateMessageAsync(OtherChannel, Hello);
        harness.Handler.Then(() => DiscordAnswer.NoContent());
        await harness.Client.CreateInteractionResponseAsync(new Snowflake(77), "token", new InteractionResponsePayload(InteractionCallbackType.Pong))
            .WaitAsync(TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromSeconds(64.5));
        await Task.Yield();
        Assert.Equal(2, harness.Handler.Requests.Count);

        await harness.RunAsync(Task.WhenAll(limited, otherChannel), Step);

        var sent = harness.Handler.Requests;
        Assert.Equal(4, sent.Count);
        Assert.Equal(TimeSpan.Zero, RestHarness.Elapsed(sent[1]));
        Assert.All(sent.Skip(2), r => Assert.InRange(RestHarness.Elapsed(r), TimeSpan.FromSeconds(64.57), TimeSpan.FromSeconds(64.58)));
        Assert.Equal(1, harness.Limiter.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_User429_WaitsRetryAfterThenSucceedsAndCountsInvalid()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, UserLimitBody, UserLimitHeaders));

        var created = await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);

        var sent = harness.Handler.Requests;
        Assert.Equal(2, sent.Count);
        Assert.InRange(RestHarness.Elapsed(sent[1]), TimeSpan.FromSeconds(64.57), TimeSpan.FromSeconds(64.58));
        Assert.Equal(new Snowflake(1325000000000000001), created.Id);
        Assert.Equal(1, harness.Limiter.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_Shared429_WaitsRetryAfterAndIsNotCountedInvalid()
    {
        using var harness = new RestHarness(new DiscordRestPolicy { MaxRetryAfter = TimeSpan.FromMinutes(30) });
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, SharedLimitBody, SharedLimitHeaders));

        var sending = harness.Client.CreateMessageAsync(Channel, Hello);
        Assert.Single(harness.Handler.Requests);
        Assert.Equal(0, harness.Limiter.InvalidRequestCount);
        await harness.RunAsync(sending, TimeSpan.FromMilliseconds(500));

        var sent = harness.Handler.Requests;
        Assert.Equal(2, sent.Count);
        Assert.InRange(RestHarness.Elapsed(sent[1]), TimeSpan.FromSeconds(1336.57), TimeSpan.FromSeconds(1337.07));
    }

    [Fact]
    public async Task CreateMessageAsync_429LongerThanMaxRetryAfter_ThrowsAtOnce()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, SharedLimitBody, SharedLimitHeaders));

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, Hello).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(429, failure.Status);
        Assert.False(failure.IsPermanent);
        Assert.Single(harness.Handler.Requests);

        // The resource stays limited: the next request to it is not sent either, and does not sit out 22 minutes.
        var next = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, Hello).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(429, next.Status);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task CreateMessageAsync_429WithoutJsonBody_UsesRetryAfterHeader()
    {
        // A 429 that did not come from the API itself (Cloudflare) has no JSON, only the header.
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, null, "Retry-After: 3"));

        await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);

        Assert.Equal(TimeSpan.FromSeconds(3), RestHarness.Elapsed(harness.Handler.Requests[1]));
    }

    [Fact]
    public async Task CreateMessageAsync_429EveryTime_GivesUpAfterMaxRetries()
    {
        using var harness = new RestHarness(new DiscordRestPolicy { MaxRateLimitRetries = 2 });
        harness.Handler.Otherwise = _ => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, UserLimitBody, UserLimitHeaders);

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), TimeSpan.FromMilliseconds(100)));

        Assert.Equal(429, failure.Status);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task CreateMessageAsync_120AtOnce_NoSecondHoldsMoreThan50_NorAFifthOfOneMoreThan10()
    {
        using var harness = new RestHarness();
        harness.Handler.Otherwise = _ => DiscordAnswer.Message(DiscordAnswer.RoomLeft);

        // Different channels, so only the global limit can hold them back.
        var sends = Enumerable.Range(1, 120).Select(i => harness.Client.CreateMessageAsync(new Snowflake((ulong)i), Hello)).ToList();
        await harness.RunAsync(Task.WhenAll(sends), TimeSpan.FromMilliseconds(50));

        var times = harness.Handler.Requests.Select(RestHarness.Elapsed).Order().ToList();
        Assert.Equal(120, times.Count);
        for (var i = 0; i + 50 < times.Count; i++)
        {
            // A second and the margin: requests a second apart when sent may arrive closer (DiscordRestPolicy).
            Assert.True(times[i + 50] - times[i] >= TimeSpan.FromMilliseconds(1025), $"requests {i} and {i + 50} were {times[i + 50] - times[i]} apart");
        }

        for (var i = 0; i + 10 < times.Count; i++)
        {
            Assert.True(times[i + 10] - times[i] >= TimeSpan.FromMilliseconds(200), $"requests {i} and {i + 10} were {times[i + 10] - times[i]} apart");
        }

        // And no slower than that needs: ten every fifth of a second, each second 25 ms later (on 50 ms clock steps).
        Assert.Equal(TimeSpan.FromSeconds(2.3), times[^1]);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_GlobalLimitSpent_GoesAtOnce()
    {
        using var harness = new RestHarness();
        var bot = Enumerable.Range(1, 60).Select(i => harness.Client.CreateMessageAsync(new Snowflake((ulong)i), Hello)).ToList();
        harness.Handler.Otherwise = _ => DiscordAnswer.NoContent();

        await harness.Client.CreateInteractionResponseAsync(new Snowflake(77), "token", new InteractionResponsePayload(InteractionCallbackType.Pong))
            .WaitAsync(TimeSpan.FromSeconds(5));

        // The ten bot requests a fifth of a second lets through, then the callback, which the global limit does not hold.
        Assert.Equal(11, harness.Handler.Requests.Count);
        Assert.Contains("/interactions/77/token/callback", harness.Handler.Requests[^1].Uri.AbsolutePath, StringComparison.Ordinal);
        harness.Handler.Otherwise = _ => DiscordAnswer.Message();
        await harness.RunAsync(Task.WhenAll(bot), Step);
    }

    [Fact]
    public async Task CreateMessageAsync_CancelledWhileWaitingForBucket_ThrowsAndNeverSends()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Message(UserLimitHeaders.Replace("X-RateLimit-Scope: user", "", StringComparison.Ordinal)));
        await harness.Client.CreateMessageAsync(Channel, Hello);
        using var cancellation = new CancellationTokenSource();

        var waiting = harness.Client.CreateMessageAsync(Channel, Hello, cancellation.Token);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(harness.Handler.Requests);
    }
}
