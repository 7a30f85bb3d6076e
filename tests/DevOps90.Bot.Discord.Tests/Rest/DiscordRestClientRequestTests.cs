using System.Net;
using System.Text.Json.Nodes;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>What goes on the wire: addresses, headers and JSON bodies.</summary>
public sealed class DiscordRestClientRequestTests
{
    private static readonly Snowflake Channel = new(1325000000000000002);
    private static readonly Snowflake Application = new(1325000000000000000);
    private static readonly Snowflake InteractionId = new(1325000000000000003);
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTMyNTAwMDAwMDAwMDAwMDAwMzpmYWtl";

    [Theory]
    [InlineData("https://discord.com/api/v10")]
    [InlineData("https://discord.com/api/v10/")]
    public async Task CreateMessageAsync_AnyBaseUrlForm_PostsUnderApiVersion(string apiBaseUrl)
    {
        using var harness = new RestHarness(apiBaseUrl: apiBaseUrl);

        var created = await harness.Client.CreateMessageAsync(Channel, new MessagePayload { Content = "hi" });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://discord.com/api/v10/channels/1325000000000000002/messages", request.Uri.ToString());
        Assert.Equal(new Snowflake(1325000000000000001), created.Id);
    }

    [Fact]
    public async Task CreateMessageAsync_BotRoute_SendsBotAuthorizationAndUserAgent()
    {
        using var harness = new RestHarness();

        await harness.Client.CreateMessageAsync(Channel, new MessagePayload { Content = "hi" });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal($"Bot {RestHarness.BotToken}", request.Authorization);
        Assert.Equal("DiscordBot (https://github.com/MichaelCade/90DaysOfDevOps, 1.0)", request.UserAgent);
    }

    [Fact]
    public async Task InteractionRoutes_SendNoBotTokenButTheUserAgent()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.NoContent());
        var message = new MessagePayload { Content = "done" };

        await harness.Client.CreateInteractionResponseAsync(InteractionId, InteractionToken, new InteractionResponsePayload(InteractionCallbackType.DeferredChannelMessageWithSource));
        await harness.Client.CreateFollowupMessageAsync(Application, InteractionToken, message);
        await harness.Client.EditOriginalResponseAsync(Application, InteractionToken, message);

        var requests = harness.Handler.Requests;
        Assert.Equal(
            [
                $"POST https://discord.com/api/v10/interactions/{InteractionId}/{InteractionToken}/callback",
                $"POST https://discord.com/api/v10/webhooks/{Application}/{InteractionToken}",
                $"PATCH https://discord.com/api/v10/webhooks/{Application}/{InteractionToken}/messages/@original",
            ],
            requests.Select(r => $"{r.Method} {r.Uri}"));
        Assert.All(requests, r => Assert.Null(r.Authorization));
        Assert.All(requests, r => Assert.Equal("DiscordBot (https://github.com/MichaelCade/90DaysOfDevOps, 1.0)", r.UserAgent));
    }

    [Fact]
    public async Task CreateMessageAsync_NonceAndEnforceNonce_SnakeCaseBodyWithoutNulls()
    {
        using var harness = new RestHarness();
        var message = new MessagePayload
        {
            Content = "Day 12: Linux networking",
            AllowedMentions = AllowedMentionsPayload.None,
            Nonce = "cohort-7:2025-01-06",
            EnforceNonce = true,
        };

        await harness.Client.CreateMessageAsync(Channel, message);

        var body = JsonNode.Parse(Assert.Single(harness.Handler.Requests).Body!);
        var expected = JsonNode.Parse("""
            {"content":"Day 12: Linux networking","allowed_mentions":{"parse":[]},"nonce":"cohort-7:2025-01-06","enforce_nonce":true}
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body?.ToJsonString());
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_MessageData_SnakeCaseBody()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.NoContent());
        var data = InteractionCallbackDataPayload.From(new MessagePayload { Content = "Only you see this", Flags = 64, AllowedMentions = AllowedMentionsPayload.None });

        await harness.Client.CreateInteractionResponseAsync(InteractionId, InteractionToken, new InteractionResponsePayload(InteractionCallbackType.ChannelMessageWithSource, data));

        var body = JsonNode.Parse(Assert.Single(harness.Handler.Requests).Body!);
        var expected = JsonNode.Parse("""{"type":4,"data":{"content":"Only you see this","allowed_mentions":{"parse":[]},"flags":64}}""");
        Assert.True(JsonNode.DeepEquals(expected, body), body?.ToJsonString());
    }

    [Fact]
    public async Task BulkOverwriteCommandsAsync_Guild_PutsArrayToGuildCommands()
    {
        using var harness = new RestHarness();
        harness.Handler.Otherwise = _ => DiscordAnswer.Create(HttpStatusCode.OK, """[{"id":"5","name":"today"}]""");
        var commands = new[] { new ApplicationCommandPayload { Name = "today", Description = "Today's lesson", Contexts = [0] } };

        var answer = await harness.Client.BulkOverwriteCommandsAsync(Application, new Snowflake(22), commands);
        await harness.Client.GetCommandsAsync(Application, null);

        var requests = harness.Handler.Requests;
        Assert.Equal($"PUT https://discord.com/api/v10/applications/{Application}/guilds/22/commands", $"{requests[0].Method} {requests[0].Uri}");
        Assert.Equal($"GET https://discord.com/api/v10/applications/{Application}/commands", $"{requests[1].Method} {requests[1].Uri}");
        Assert.Null(requests[1].Body);
        var expected = JsonNode.Parse("""[{"name":"today","description":"Today's lesson","contexts":[0],"type":1}]""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(requests[0].Body!)), requests[0].Body);
        Assert.Equal("today", answer[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetGatewayBotAsync_DiscordAnswer_ReadsSessionStartLimit()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.OK, """
            {"url":"wss://gateway.discord.gg","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}
            """));

        var info = await harness.Client.GetGatewayBotAsync();

        Assert.Equal("wss://gateway.discord.gg", info.Url);
        Assert.Equal(new SessionStartLimit(1000, 999, 14400000, 1), info.SessionStartLimit);
        Assert.Equal("https://discord.com/api/v10/gateway/bot", Assert.Single(harness.Handler.Requests).Uri.ToString());
    }
}
