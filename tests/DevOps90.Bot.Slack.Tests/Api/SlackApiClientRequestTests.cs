using System.Text;
using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.Api;

public sealed class SlackApiClientRequestTests
{
    [Fact]
    public async Task CallAsync_PostMessage_PostsJsonWithBotTokenToMethodUrl()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var arguments = new JsonObject
        {
            ["channel"] = "C0LESSONS",
            ["text"] = "Day 1: Introduction",
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Day 1*" } }),
            ["metadata"] = new JsonObject { ["event_type"] = "lesson_posted", ["event_payload"] = new JsonObject { ["day"] = 1 } },
        };

        var answer = await harness.Client.CallAsync("chat.postMessage", arguments);

        var call = Assert.Single(harness.Slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + FakeSlackApi.DefaultBotToken, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.True(JsonNode.DeepEquals(arguments, call.Arguments), call.Arguments.ToJsonString());
        Assert.Equal($"{SlackApiHarness.Start.ToUnixTimeSeconds()}.000000", answer.GetProperty("ts").GetString());
        Assert.Equal("C0LESSONS", answer.GetProperty("channel").GetString());
    }

    [Theory]
    [InlineData("chat.postMessage", "application/json; charset=utf-8")]
    [InlineData("chat.postEphemeral", "application/json; charset=utf-8")]
    [InlineData("chat.update", "application/json; charset=utf-8")]
    [InlineData("files.completeUploadExternal", "application/json; charset=utf-8")]
    [InlineData("conversations.history", "application/x-www-form-urlencoded")]
    [InlineData("conversations.info", "application/x-www-form-urlencoded")]
    [InlineData("users.info", "application/x-www-form-urlencoded")]
    [InlineData("usergroups.users.list", "application/x-www-form-urlencoded")]
    [InlineData("files.getUploadURLExternal", "application/x-www-form-urlencoded")]
    public async Task CallAsync_EachMethod_UsesTheContentTypeSlackDocuments(string method, string contentType)
    {
        await using var harness = await SlackApiHarness.StartAsync();

        // The answer does not matter here (an unknown message or user is refused): only what was sent.
        await Record.ExceptionAsync(() => harness.Client.CallAsync(method, new JsonObject { ["channel"] = "C0LESSONS", ["ts"] = "1.0" }));

        var call = Assert.Single(harness.Slack.Calls);
        Assert.Equal(method, call.Method); // the fake takes it from the path: POST /api/{method}
        Assert.Equal(contentType, call.ContentType);
    }

    [Fact]
    public async Task CallAsync_FormMethod_EncodesScalarsAsTextAndNestedValuesAsJson()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AddUser(new FakeSlackUser("U0ADA", "ada"));

        await harness.Client.CallAsync("users.info", new JsonObject
        {
            ["user"] = "U0ADA",
            ["include_locale"] = true,
            ["limit"] = 12,
            ["skipped"] = null,
            ["nested"] = new JsonObject { ["a"] = "b c" },
        });

        var call = Assert.Single(harness.Slack.Calls);
        Assert.Equal(
            "user=U0ADA&include_locale=true&limit=12&nested=%7B%22a%22%3A%22b%20c%22%7D",
            Encoding.UTF8.GetString(call.Body));
        Assert.Equal("b c", call.Arguments["nested"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task CallAsync_UsersInfoWithIncludeLocale_ReturnsTheLocale()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AddUser(new FakeSlackUser("U0ADA", "ada", IsAdmin: true, Locale: "fr-FR"));

        var withLocale = await harness.Client.CallAsync("users.info", new JsonObject { ["user"] = "U0ADA", ["include_locale"] = true });
        var without = await harness.Client.CallAsync("users.info", new JsonObject { ["user"] = "U0ADA" });

        Assert.Equal("fr-FR", withLocale.GetProperty("user").GetProperty("locale").GetString());
        Assert.True(withLocale.GetProperty("user").GetProperty("is_admin").GetBoolean());
        Assert.False(without.GetProperty("user").TryGetProperty("locale", out _));
    }

    [Fact]
    public async Task OpenConnectionAsync_AppTokenSet_CallsWithAppTokenAndReturnsUrl()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.ConnectionUrl = new Uri("ws://127.0.0.1:5555/link/?ticket=abc");

        var url = await harness.Client.OpenConnectionAsync();

        Assert.Equal(new Uri("ws://127.0.0.1:5555/link/?ticket=abc"), url);
        var call = Assert.Single(harness.Slack.Calls);
        Assert.Equal("apps.connections.open", call.Method);
        Assert.Equal("Bearer " + FakeSlackApi.DefaultAppToken, call.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", call.ContentType);
    }

    [Fact]
    public async Task OpenConnectionAsync_NoAppToken_ThrowsNamingTheSettingWithoutCallingSlack()
    {
        await using var harness = await SlackApiHarness.StartAsync(appToken: null);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.OpenConnectionAsync());

        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsPermanent);
        Assert.Empty(harness.Slack.Calls);
    }

    [Fact]
    public async Task CallAsync_NoBotToken_ThrowsNamingTheSettingWithoutCallingSlack()
    {
        await using var harness = await SlackApiHarness.StartAsync(botToken: "");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.CallAsync("users.info", new JsonObject { ["user"] = "U1" }));

        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Slack.Calls);
    }

    [Fact]
    public async Task CallAsync_MethodNameWithPath_IsRefused()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.CallAsync("../upload/F1", []));

        Assert.Empty(harness.Slack.Calls);
    }
}
