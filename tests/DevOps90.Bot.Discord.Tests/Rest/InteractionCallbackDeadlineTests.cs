using System.Net;
using System.Text.Json;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Discord.Tests.Gateway;
using DevOps90.Bot.Discord.Tests.Interactions;
using DevOps90.Bot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>
/// Discord accepts an interaction's callback for 3 seconds after the interaction arrived; a retry that could only go
/// after that is pointless, so it is not sent (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction).
/// </summary>
public sealed class InteractionCallbackDeadlineTests
{
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTMyNTAwMDAwMDAwMDAwMDA3NzpmYWtl";
    private static readonly Snowflake InteractionId = new(1325000000000000077);
    private static readonly InteractionResponsePayload Deferral = new(InteractionCallbackType.DeferredChannelMessageWithSource);
    private static readonly DateTimeOffset Deadline = RestHarness.Start + TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task CreateInteractionResponseAsync_429sPastTheDeadline_GivesUpBeforeItAndLogsWhy()
    {
        var logs = new RecordingLogs();
        using var harness = new RestHarness(logger: logs.For<DiscordRestClient>());
        // retry_after 2 s: the first retry goes at 2 s, within the deadline; a second would go at 4 s, after it.
        harness.Handler
            .Then(RateLimited)
            .Then(RateLimited);

        var failure = await Assert.ThrowsAsync<DiscordApiException>(
            () => harness.RunAsync(harness.Client.CreateInteractionResponseAsync(InteractionId, InteractionToken, Deferral, Deadline), Step));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2)], harness.Handler.Requests.Select(RestHarness.Elapsed));
        Assert.Equal(429, failure.Status);
        Assert.Contains("deadline", failure.Message, StringComparison.Ordinal);
        AssertLoggedWhy(logs);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_ServerErrorsPastTheDeadline_GivesUpBeforeIt()
    {
        var logs = new RecordingLogs();
        using var harness = new RestHarness(logger: logs.For<DiscordRestClient>());
        // Backoff 0.5-1 s, then 1-1.5 s more, then 2-2.5 s more: the third retry could only go after 3 s.
        harness.Handler.Otherwise = _ => DiscordAnswer.Create(HttpStatusCode.ServiceUnavailable, """{"message": "upstream busy", "retry_after": 0.5}""");

        var failure = await Assert.ThrowsAsync<DiscordApiException>(
            () => harness.RunAsync(harness.Client.CreateInteractionResponseAsync(InteractionId, InteractionToken, Deferral, Deadline), Step));

        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.All(harness.Handler.Requests, request => Assert.True(request.SentAt <= Deadline, $"sent at {request.SentAt:O}"));
        Assert.Equal(503, failure.Status);
        AssertLoggedWhy(logs);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_RetryWithinTheDeadline_StillRetries()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(RateLimited);
        harness.Handler.Otherwise = _ => DiscordAnswer.NoContent();

        await harness.RunAsync(harness.Client.CreateInteractionResponseAsync(InteractionId, InteractionToken, Deferral, Deadline), Step);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2)], harness.Handler.Requests.Select(RestHarness.Elapsed));
    }

    [Fact]
    public async Task HandleDispatchAsync_CallbackRateLimitedPastTheDeadline_GivesUpWithinIt()
    {
        // Over the gateway the deadline runs from when the interaction arrived.
        var bot = new InteractionFixture();
        using var rest = new RestHarness();
        rest.Handler.Then(RateLimited).Then(RateLimited);
        var handler = new GatewayInteractionHandler(bot.Processor, bot.Deferred, new RecentInteractions(rest.Time), rest.Client, rest.Time, NullLogger<GatewayInteractionHandler>.Instance);
        using var interaction = JsonDocument.Parse(InteractionFixture.Command("day", """[{"name":"number","type":4,"value":2}]"""));

        var handling = handler.HandleDispatchAsync("INTERACTION_CREATE", interaction.RootElement, CancellationToken.None);

        await Assert.ThrowsAsync<DiscordApiException>(() => rest.RunAsync(handling, Step));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2)], rest.Handler.Requests.Select(RestHarness.Elapsed));
    }

    private static HttpResponseMessage RateLimited() => DiscordAnswer.Create(
        HttpStatusCode.TooManyRequests,
        """{"message": "You are being rate limited.", "retry_after": 2, "global": false}""",
        """
        Retry-After: 2
        X-RateLimit-Scope: user
        """);

    private static void AssertLoggedWhy(RecordingLogs logs)
    {
        var why = Assert.Single(logs.Entries, entry => entry.Message.Contains("deadline", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, why.Level);
        Assert.Contains("POST /interactions/{interaction_id}/{interaction_token}/callback", why.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, entry => entry.Everything.Contains(InteractionToken, StringComparison.Ordinal));
    }
}
