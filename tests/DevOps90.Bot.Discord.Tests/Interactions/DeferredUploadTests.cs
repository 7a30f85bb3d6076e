using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Discord.Tests.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevOps90.Bot.Discord.Tests.Interactions;

/// <summary>
/// A reply with a file cannot go in the callback's JSON: it is deferred, then the original response is edited with a
/// multipart upload, never before Discord has the deferral.
/// </summary>
public sealed class DeferredUploadTests
{
    private const string OriginalUrl = "https://discord.com/api/v10/webhooks/1200000000000000002/interaction-token-secret/messages/@original";
    private const string CallbackUrl = "https://discord.com/api/v10/interactions/1100000000000000001/interaction-token-secret/callback";
    private static readonly byte[] ChartPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x2D, 0x2D, 0xFF];

    [Theory]
    [InlineData(true, 64)]
    [InlineData(false, null)]
    public async Task Respond_ReplyWithFile_IsDeferredWithTheRepliesPrivacy(bool isPrivate, int? flags)
    {
        var bot = new InteractionFixture(new Chart(isPrivate));

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("chart", locale: "en-US")));

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response!.Type);
        Assert.Equal(flags, response.Data!.Flags);
        Assert.Null(response.Data.Embeds);
        Assert.True(bot.Deferred.Queue.TryTake(out var deferred));
        Assert.Equal(new Snowflake(1100000000000000001), deferred.InteractionId);
        Assert.Equal("chart.png", Assert.Single((await deferred.Work).Files).FileName);
    }

    [Fact]
    public async Task HttpTransport_ReplyWithFile_IsCompletedByAMultipartPatchOfOriginalOnceTheCallbackIsSent()
    {
        var bot = new InteractionFixture(new Chart(isPrivate: true));
        using var rest = new RestHarness();
        using var sender = new DeferredReplySender(bot.Deferred, rest.Client, rest.Time, NullLogger<DeferredReplySender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        var interaction = InteractionFixture.Parse(InteractionFixture.Command("chart", locale: "en-US"));

        await bot.Processor.RespondAsync(interaction);
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var beforeCallback = rest.Handler.Requests.Count;
        bot.Deferred.CallbackSent(interaction.Id);
        var requests = await RequestsAsync(rest.Handler, 1);
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal(0, beforeCallback);
        var patch = Assert.Single(requests);
        Assert.Equal($"PATCH {OriginalUrl}", $"{patch.Method} {patch.Uri}");
        await AssertChartUploadAsync(patch);
    }

    [Fact]
    public async Task GatewayTransport_ReplyWithFile_PostsTheDeferralThenPatchesOriginalWithTheFile()
    {
        var bot = new InteractionFixture(new Chart(isPrivate: true));
        using var rest = new RestHarness();
        rest.Handler.Then(() => DiscordAnswer.NoContent());
        using var sender = new DeferredReplySender(bot.Deferred, rest.Client, rest.Time, NullLogger<DeferredReplySender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        var handler = new GatewayInteractionHandler(bot.Processor, bot.Deferred, new RecentInteractions(rest.Time), rest.Client, rest.Time, NullLogger<GatewayInteractionHandler>.Instance);
        using var interaction = JsonDocument.Parse(InteractionFixture.Command("chart", locale: "en-US"));

        await handler.HandleDispatchAsync("INTERACTION_CREATE", interaction.RootElement, CancellationToken.None);
        var requests = await RequestsAsync(rest.Handler, 2);
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal([$"POST {CallbackUrl}", $"PATCH {OriginalUrl}"], requests.Select(request => $"{request.Method} {request.Uri}"));
        Assert.Equal("application/json", requests[0].ContentType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":5,"data":{"flags":64}}"""), JsonNode.Parse(requests[0].Body!)), requests[0].Body);
        await AssertChartUploadAsync(requests[1]);
    }

    [Fact]
    public async Task GatewayTransport_DeferralRefused_NothingIsEdited()
    {
        var bot = new InteractionFixture(new Chart(isPrivate: true));
        using var rest = new RestHarness();
        rest.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.NotFound, """{"message": "Unknown interaction", "code": 10062}"""));
        using var sender = new DeferredReplySender(bot.Deferred, rest.Client, rest.Time, NullLogger<DeferredReplySender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        var handler = new GatewayInteractionHandler(bot.Processor, bot.Deferred, new RecentInteractions(rest.Time), rest.Client, rest.Time, NullLogger<GatewayInteractionHandler>.Instance);
        using var interaction = JsonDocument.Parse(InteractionFixture.Command("chart", locale: "en-US"));

        await Assert.ThrowsAsync<DiscordApiException>(() => handler.HandleDispatchAsync("INTERACTION_CREATE", interaction.RootElement, CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal($"POST {CallbackUrl}", $"{Assert.Single(rest.Handler.Requests).Method} {rest.Handler.Requests[0].Uri}");
    }

    private static async Task AssertChartUploadAsync(RecordedRequest request)
    {
        var parts = await MultipartBody.ReadAsync(request);
        Assert.Equal(["payload_json", "files[0]"], parts.Select(part => part.Name));
        var payload = MultipartBody.PayloadJson(parts);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""[{"id":"0","filename":"chart.png","description":"Check-ins per day"}]"""), payload["attachments"]),
            payload["attachments"]?.ToJsonString());
        Assert.Equal("attachment://chart.png", payload["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        Assert.Equal(("chart.png", "image/png"), (parts[1].FileName, parts[1].ContentType));
        Assert.Equal(ChartPng, parts[1].Content);
    }

    private static async Task<IReadOnlyList<RecordedRequest>> RequestsAsync(FakeDiscordHandler handler, int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (handler.Requests.Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }

        return handler.Requests;
    }

    private sealed class Chart(bool isPrivate) : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("chart", []);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) => ValueTask.FromResult(new Reply
        {
            Title = "Participation",
            Attachments = [new ReplyAttachment("chart.png", ReplyAttachment.Png, ChartPng, "Check-ins per day")],
            Image = "chart.png",
            IsPrivate = isPrivate,
        });
    }
}
