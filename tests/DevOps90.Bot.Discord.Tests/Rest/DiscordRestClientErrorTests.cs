using System.Net;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>Errors: which are retried, which are not, what the exception says and never says.</summary>
public sealed class DiscordRestClientErrorTests
{
    private static readonly Snowflake Channel = new(1325000000000000002);
    private static readonly Snowflake Application = new(1325000000000000000);
    private static readonly MessagePayload Hello = new() { Content = "hello" };
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTMyNTAwMDAwMDAwMDAwMDAwMzpmYWtl";

    private static readonly DiscordRestPolicy FastBackoff = new() { TransientBaseDelay = TimeSpan.FromMilliseconds(100), MaxTransientRetries = 3 };

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, """{"message": "401: Unauthorized", "code": 0}""", 0)]
    [InlineData(HttpStatusCode.Forbidden, """{"message": "Missing Access", "code": 50001}""", 50001)]
    [InlineData(HttpStatusCode.NotFound, """{"message": "Unknown Channel", "code": 10003}""", 10003)]
    public async Task CreateMessageAsync_PermanentStatus_ThrowsAtOnceWithoutToken(HttpStatusCode status, string body, int code)
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(status, body, DiscordAnswer.RoomLeft));

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, Hello).WaitAsync(TimeSpan.FromSeconds(5)));
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Single(harness.Handler.Requests);
        Assert.Equal((int)status, failure.Status);
        Assert.Equal(code, failure.JsonCode);
        Assert.True(failure.IsPermanent);
        Assert.StartsWith("POST /channels/{channel_id}/messages answered", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RestHarness.BotToken, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_InvalidWebhookToken_MessageRedactsInteractionToken()
    {
        // Discord's text does not echo the token today; the test makes it, to prove the exception would not either.
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.Unauthorized, $$"""{"message": "Invalid Webhook Token {{InteractionToken}}", "code": 50027}"""));

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.EditOriginalResponseAsync(Application, InteractionToken, Hello));

        Assert.Equal(50027, failure.JsonCode);
        Assert.Contains("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessageAsync_After401OnBotToken_RefusesBotRoutesButNotInteractions()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.Unauthorized, """{"message": "401: Unauthorized", "code": 0}"""));
        await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, Hello));

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.GetGatewayBotAsync());
        harness.Handler.Then(() => DiscordAnswer.NoContent());
        await harness.Client.CreateInteractionResponseAsync(new Snowflake(77), InteractionToken, new InteractionResponsePayload(InteractionCallbackType.Pong));

        Assert.Equal(401, refused.Status);
        Assert.Contains("not sent", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Null(harness.Handler.Requests[1].Authorization);
    }

    [Fact]
    public async Task CreateMessageAsync_InvalidRequestsReachThreshold_RefusedUntilWindowPasses()
    {
        using var harness = new RestHarness(new DiscordRestPolicy { InvalidRequestThreshold = 3 });
        harness.Handler.Otherwise = _ => DiscordAnswer.Create(HttpStatusCode.Forbidden, """{"message": "Missing Access", "code": 50001}""");
        for (var i = 1; i <= 3; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(new Snowflake((ulong)i), Hello));
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, Hello));
        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.Equal(429, refused.Status);
        Assert.Contains("not sent", refused.Message, StringComparison.Ordinal);

        // Ten minutes after the first 403 it has left the window: one request may go again.
        harness.Time.Advance(TimeSpan.FromMinutes(7));
        harness.Handler.Otherwise = _ => DiscordAnswer.Message();
        await harness.Client.CreateMessageAsync(Channel, Hello);
        Assert.Equal(4, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task CreateMessageAsync_502Then503_RetriesWithGrowingBackoffThenSucceeds()
    {
        using var harness = new RestHarness(FastBackoff);
        harness.Handler
            .Then(() => DiscordAnswer.Create(HttpStatusCode.BadGateway, null))
            .Then(() => DiscordAnswer.Create(HttpStatusCode.ServiceUnavailable, """{"message": "upstream", "code": 0}"""));

        var created = await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);

        var times = harness.Handler.Requests.Select(RestHarness.Elapsed).ToList();
        Assert.Equal(3, times.Count);
        Assert.InRange(times[1] - times[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(210));
        Assert.InRange(times[2] - times[1], TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(310));
        Assert.Equal(new Snowflake(1325000000000000001), created.Id);
    }

    [Fact]
    public async Task CreateMessageAsync_500EveryTime_GivesUpWithTransientException()
    {
        using var harness = new RestHarness(FastBackoff);
        harness.Handler.Otherwise = _ => DiscordAnswer.Create(HttpStatusCode.InternalServerError, """{"message": "500: Internal Server Error", "code": 0}""");

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step));

        Assert.Equal(500, failure.Status);
        Assert.False(failure.IsPermanent);
        Assert.Equal(4, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task CreateMessageAsync_NetworkErrorThenTimeout_RetriesThenSucceeds()
    {
        using var harness = new RestHarness(FastBackoff);
        harness.Handler
            .ThenThrow(() => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (discord.com:443)"))
            .ThenThrow(() => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        await harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step);

        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task CreateMessageAsync_NetworkErrorEveryTime_RethrowsAfterRetries()
    {
        using var harness = new RestHarness(FastBackoff);
        for (var i = 0; i < 4; i++)
        {
            harness.Handler.ThenThrow(() => new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"));
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.RunAsync(harness.Client.CreateMessageAsync(Channel, Hello), Step));

        Assert.Equal(4, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task CreateMessageAsync_CallerCancelsDuringSend_NotRetried()
    {
        using var harness = new RestHarness(FastBackoff);
        harness.Handler.Then(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return DiscordAnswer.Message();
        });
        using var cancellation = new CancellationTokenSource();

        var sending = harness.Client.CreateMessageAsync(Channel, Hello, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(5)));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task CreateMessageAsync_InvalidFormBody_MessageNamesTheField()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.BadRequest, """
            {"code": 50035, "errors": {"embeds": {"0": {"description": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 4096 or fewer in length."}]}}}}, "message": "Invalid Form Body"}
            """));

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.CreateMessageAsync(Channel, Hello));

        Assert.Equal(50035, failure.JsonCode);
        Assert.Equal(
            "POST /channels/{channel_id}/messages answered 400: Invalid Form Body (code 50035): embeds.0.description: Must be 4096 or fewer in length.",
            failure.Message);
    }
}
