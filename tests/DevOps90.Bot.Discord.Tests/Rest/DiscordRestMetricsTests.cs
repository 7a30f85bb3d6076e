using System.Net;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Testing.Telemetry;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>Requests, 429s and rate-limit waits are measured per route template, never per URL (ids, tokens).</summary>
public sealed class DiscordRestMetricsTests : IDisposable
{
    private readonly MetricRecorder _recorder = new();

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task CreateMessage_After429_CountsBothAnswersByTemplate_The429_AndTheWait()
    {
        using var harness = new RestHarness(metrics: _recorder.Metrics);
        harness.Handler.Then(() => DiscordAnswer.Create(
            HttpStatusCode.TooManyRequests,
            """{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}""",
            """
            Retry-After: 3
            X-RateLimit-Limit: 5
            X-RateLimit-Remaining: 0
            X-RateLimit-Reset-After: 2.5
            X-RateLimit-Bucket: abcd1234
            X-RateLimit-Scope: user
            """));

        await harness.RunAsync(harness.Client.CreateMessageAsync(new Snowflake(1325000000000000002), new MessagePayload { Content = "hi" }), TimeSpan.FromMilliseconds(10));

        var requests = _recorder.Of("devops90.platform.requests");
        Assert.Equal(["429", "200"], requests.Select(request => request.Tag("status")));
        Assert.All(requests, request => Assert.Equal(("discord", "POST /channels/{channel_id}/messages"), (request.Tag("platform"), request.Tag("route"))));
        Assert.Equal("user", Assert.Single(_recorder.Of("devops90.platform.rate_limited")).Tag("scope"));
        Assert.Contains(_recorder.Of("devops90.platform.rate_limit.wait"), wait => wait.Value >= 2.5);
    }
}
