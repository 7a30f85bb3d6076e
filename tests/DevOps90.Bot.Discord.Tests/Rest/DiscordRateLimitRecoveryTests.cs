using System.Net;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>
/// A bucket's pacing learned during 429s gives way to what later answers' headers say: a 429's long wait must not
/// become the bucket's window until restart.
/// </summary>
public sealed class DiscordRateLimitRecoveryTests
{
    private static readonly Snowflake Channel = new(1325000000000000002);
    private static readonly MessagePayload Hello = new() { Content = "hello" };
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    // A user-scope 429 whose headers, like its retry_after, speak of a 15-second wait and a limit of 2.
    private const string LimitedHeaders = """
        Retry-After: 15
        X-RateLimit-Limit: 2
        X-RateLimit-Remaining: 0
        X-RateLimit-Reset-After: 15
        X-RateLimit-Bucket: abcd1234
        X-RateLimit-Scope: user
        """;

    private const string LimitedBody = """{"message": "You are being rate limited.", "retry_after": 15, "global": false}""";

    // The bucket as it normally is: 5 requests per 5-second window, this answer the window's last.
    private const string NormalWindowSpent = """
        X-RateLimit-Limit: 5
        X-RateLimit-Remaining: 0
        X-RateLimit-Reset-After: 5
        X-RateLimit-Bucket: abcd1234
        """;

    private const string NormalRoomLeft = """
        X-RateLimit-Limit: 5
        X-RateLimit-Remaining: 4
        X-RateLimit-Reset-After: 5
        X-RateLimit-Bucket: abcd1234
        """;

    [Fact]
    public async Task CreateMessageAsync_After429sThenNormalHeaders_WaitsTheHeadersResetAfter()
    {
        using var harness = new RestHarness();
        harness.Handler
            .Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, LimitedBody, LimitedHeaders))
            .Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, LimitedBody, LimitedHeaders))
            .Then(() => DiscordAnswer.Message(NormalWindowSpent));
        await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);
        var recovered = RestHarness.Elapsed(harness.Handler.Requests[^1]);

        await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);

        Assert.Equal(3, harness.Handler.Requests.Count - 1);
        Assert.Equal(TimeSpan.FromSeconds(5), RestHarness.Elapsed(harness.Handler.Requests[^1]) - recovered);
    }

    [Fact]
    public async Task CreateMessageAsync_After429sThenRoomLeft_PacesAtTheHeadersLimitPerWindow()
    {
        // After the 429s the headers say 5 per 5 s again. The window the 429s left is spent at once (what is left of
        // it is not known for sure); from the next window on, 5 go per 5 s, not 2 per 15 s.
        using var harness = new RestHarness();
        harness.Handler
            .Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, LimitedBody, LimitedHeaders))
            .Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, LimitedBody, LimitedHeaders));
        harness.Handler.Otherwise = _ => DiscordAnswer.Message(NormalRoomLeft);
        await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);
        var recovered = RestHarness.Elapsed(harness.Handler.Requests[^1]);

        for (var i = 0; i < 7; i++)
        {
            await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);
        }

        var seconds = harness.Handler.Requests.Skip(3).Select(request => (RestHarness.Elapsed(request) - recovered).TotalSeconds);
        Assert.Equal([0, 5, 5, 5, 5, 5, 10], seconds);
    }
}
