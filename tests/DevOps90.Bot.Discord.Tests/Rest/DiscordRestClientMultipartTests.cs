using System.Net;
using System.Text.Json.Nodes;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>Messages with files: multipart/form-data as https://discord.com/developers/docs/reference#uploading-files describes it.</summary>
public sealed class DiscordRestClientMultipartTests
{
    private static readonly Snowflake Channel = new(1325000000000000002);
    private static readonly Snowflake Application = new(1325000000000000000);
    private static readonly Snowflake InteractionId = new(1325000000000000003);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTMyNTAwMDAwMDAwMDAwMDAwMzpmYWtl";

    private static readonly byte[] Csv = "member,day,checked_in_at\n1400000000000000004,3,2027-01-03T18:00:00Z\n"u8.ToArray();

    // Binary, with a line break and dashes inside, as a PNG may hold: the parts must carry it untouched.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF];

    private static MessagePayload Report { get; } = new()
    {
        Embeds = [new EmbedPayload { Title = "Participation", Image = new EmbedImagePayload("attachment://chart.png") }],
        AllowedMentions = AllowedMentionsPayload.None,
        Flags = 64,
        Files = [new MessageFile("export.csv", "text/csv", Csv, "Check-ins"), new MessageFile("chart.png", "image/png", Png)],
    };

    [Theory]
    [InlineData("create message", "POST channels/1325000000000000002/messages")]
    [InlineData("edit message", "PATCH channels/1325000000000000002/messages/1325000000000000001")]
    [InlineData("follow-up", "POST webhooks/1325000000000000000/" + InteractionToken)]
    [InlineData("edit original", "PATCH webhooks/1325000000000000000/" + InteractionToken + "/messages/@original")]
    [InlineData("callback", "POST interactions/1325000000000000003/" + InteractionToken + "/callback")]
    public async Task Endpoint_MessageWithFiles_SendsPayloadJsonAndOnePartPerFile(string endpoint, string route)
    {
        using var harness = new RestHarness();
        harness.Handler.Otherwise = _ => endpoint == "callback" ? DiscordAnswer.NoContent() : DiscordAnswer.Message();

        await Send(harness.Client, endpoint, Report);

        var request = Assert.Single(harness.Handler.Requests);
        var (method, path) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal($"{method} https://discord.com/api/v10/{path}", $"{request.Method} {request.Uri}");
        var parts = await MultipartBody.ReadAsync(request);
        Assert.Equal(["payload_json", "files[0]", "files[1]"], parts.Select(part => part.Name));
        var payload = MultipartBody.PayloadJson(parts);
        var message = endpoint == "callback" ? payload["data"]! : payload;
        Assert.Equal(endpoint == "callback" ? (int?)4 : null, payload["type"]?.GetValue<int>());
        var expected = JsonNode.Parse("""[{"id":"0","filename":"export.csv","description":"Check-ins"},{"id":"1","filename":"chart.png"}]""");
        Assert.True(JsonNode.DeepEquals(expected, message["attachments"]), message["attachments"]?.ToJsonString());
        Assert.Equal("attachment://chart.png", message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        Assert.Equal(("export.csv", "text/csv"), (parts[1].FileName, parts[1].ContentType));
        Assert.Equal(Csv, parts[1].Content);
        Assert.Equal(("chart.png", "image/png"), (parts[2].FileName, parts[2].ContentType));
        Assert.Equal(Png, parts[2].Content);
    }

    [Fact]
    public async Task CreateMessageAsync_NoFiles_StaysJson()
    {
        using var harness = new RestHarness();

        await harness.Client.CreateMessageAsync(Channel, Report with { Files = [] });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("application/json", request.ContentType);
        Assert.Null(JsonNode.Parse(request.Body!)!["attachments"]);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_RateLimitedThenFailingThenSent_ResendsIdenticalBytes()
    {
        using var harness = new RestHarness(new DiscordRestPolicy { TransientBaseDelay = TimeSpan.FromMilliseconds(100) });
        harness.Handler
            .Then(() => DiscordAnswer.Create(HttpStatusCode.TooManyRequests, """{"message": "You are being rate limited.", "retry_after": 0.25, "global": false}""", "Retry-After: 1\nX-RateLimit-Scope: user"))
            .Then(() => DiscordAnswer.Create(HttpStatusCode.BadGateway, null));

        await harness.RunAsync(harness.Client.EditOriginalResponseAsync(Application, InteractionToken, Report), Step);

        var requests = harness.Handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, request => Assert.Equal(requests[0].BodyBytes, request.BodyBytes));
        Assert.All(requests, request => Assert.Equal(requests[0].ContentType, request.ContentType));
        var parts = await MultipartBody.ReadAsync(requests[2]);
        Assert.Equal(Png, parts.Single(part => part.Name == "files[1]").Content);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_WithFilesRefused_ExceptionNeverShowsTheToken()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.Unauthorized, $$"""{"message": "Invalid Webhook Token {{InteractionToken}}", "code": 50027}"""));

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Client.EditOriginalResponseAsync(Application, InteractionToken, Report));

        Assert.Contains("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, Assert.Single(harness.Handler.Requests).Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessageAsync_WithFiles_BodyHoldsNoBotToken()
    {
        using var harness = new RestHarness();

        await harness.Client.CreateMessageAsync(Channel, Report);

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal($"Bot {RestHarness.BotToken}", request.Authorization);
        Assert.DoesNotContain(RestHarness.BotToken, request.Body!, StringComparison.Ordinal);
    }

    private static Task Send(DiscordRestClient client, string endpoint, MessagePayload message) => endpoint switch
    {
        "create message" => client.CreateMessageAsync(Channel, message),
        "edit message" => client.EditMessageAsync(Channel, new Snowflake(1325000000000000001), message),
        "follow-up" => client.CreateFollowupMessageAsync(Application, InteractionToken, message),
        "edit original" => client.EditOriginalResponseAsync(Application, InteractionToken, message),
        "callback" => client.CreateInteractionResponseAsync(
            InteractionId,
            InteractionToken,
            new InteractionResponsePayload(InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackDataPayload.From(message))),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
