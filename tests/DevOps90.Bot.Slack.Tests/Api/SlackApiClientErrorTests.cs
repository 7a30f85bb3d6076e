using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.Api;

public sealed class SlackApiClientErrorTests
{
    [Theory]
    [InlineData("not_in_channel", true, "invite the bot to the channel")]
    [InlineData("channel_not_found", true, "C0LESSONS was not found")]
    [InlineData("is_archived", true, "<#C0LESSONS> is archived")]
    [InlineData("invalid_auth", true, "check Slack:BotToken")]
    [InlineData("not_authed", true, "check Slack:BotToken")]
    [InlineData("token_revoked", true, "update Slack:BotToken")]
    [InlineData("account_inactive", true, "update Slack:BotToken")]
    [InlineData("msg_too_long", true, "too long")]
    [InlineData("invalid_blocks", true, "structure")]
    [InlineData("ratelimited", false, "rate limit")]
    [InlineData("internal_error", false, "may succeed if tried again")]
    [InlineData("fatal_error", false, "may succeed if tried again")]
    [InlineData("service_unavailable", false, "may succeed if tried again")]
    [InlineData("some_future_code", true, "Slack refused the call in <#C0LESSONS>")]
    public async Task CallAsync_PostMessageRefused_ThrowsWithCodePermanenceAndAdvice(string code, bool permanent, string advice)
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("chat.postMessage", code);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0LESSONS", ["text"] = "hello" }));

        Assert.Equal(code, error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Equal(permanent, error.IsPermanent);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"chat.postMessage failed with {code}: ", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Slack.Calls); // a refusal is not sent again, whatever its kind
    }

    [Fact]
    public async Task CallAsync_NotInChannel_NamesTheChannelToInviteTheBotTo()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("chat.postMessage", "not_in_channel", channel: "C0PRIVATE");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0PRIVATE", ["text"] = "hello" }));

        Assert.Contains("invite the bot to the channel (/invite @bot in <#C0PRIVATE>)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_FailureScriptedForAnotherChannel_OtherChannelsSucceed()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("chat.postMessage", "not_in_channel", channel: "C0PRIVATE", times: null);

        await harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0OPEN", ["text"] = "hello" });

        Assert.Single(harness.Slack.Messages("C0OPEN"));
    }

    [Fact]
    public async Task CallAsync_MissingScope_NamesTheNeededScope()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("conversations.history", "missing_scope", needed: "channels:history");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("conversations.history", new JsonObject { ["channel"] = "C0LESSONS" }));

        Assert.Equal("missing_scope", error.Error);
        Assert.Equal("channels:history", error.NeededScope);
        Assert.True(error.IsPermanent);
        Assert.Contains("OAuth scope 'channels:history'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("message_not_found")]
    [InlineData("cant_update_message")]
    public async Task CallAsync_UpdateRefused_IsPermanent(string code)
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("chat.update", code);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("chat.update", new JsonObject { ["channel"] = "C0LESSONS", ["ts"] = "1.0", ["text"] = "x" }));

        Assert.Equal(code, error.Error);
        Assert.True(error.IsPermanent);
        Assert.Single(harness.Slack.Calls);
    }

    [Fact]
    public async Task CallAsync_UpdateOfUnknownMessage_ReportsMessageNotFoundFromTheFake()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AddMessage("C0LESSONS", "old");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("chat.update", new JsonObject { ["channel"] = "C0LESSONS", ["ts"] = "1699999999.000001", ["text"] = "x" }));

        Assert.Equal("message_not_found", error.Error);
    }

    [Fact]
    public async Task CallAsync_WrongBotToken_SaysCheckBotTokenAndNeverShowsIt()
    {
        const string wrongToken = "xoxb-9999999999-wrong-token-that-must-not-leak";
        await using var harness = await SlackApiHarness.StartAsync(botToken: wrongToken);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0LESSONS", ["text"] = "secret lesson text" }));

        Assert.Equal("invalid_auth", error.Error);
        Assert.True(error.IsPermanent);
        Assert.Contains("check Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, error.ToString(), StringComparison.Ordinal);
        Assert.All(harness.Log.Entries.Select(entry => entry.Everything), line => Assert.DoesNotContain(wrongToken, line, StringComparison.Ordinal));
        Assert.All(harness.Log.Entries.Select(entry => entry.Everything), line => Assert.DoesNotContain("secret lesson text", line, StringComparison.Ordinal));
        Assert.Contains(harness.Log.Entries.Select(entry => entry.Everything), line => line.Contains("Error=invalid_auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenConnectionAsync_WrongAppToken_SaysCheckAppToken()
    {
        await using var harness = await SlackApiHarness.StartAsync(appToken: "xapp-1-wrong");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.OpenConnectionAsync());

        Assert.Equal("invalid_auth", error.Error);
        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-1-wrong", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_FailuresOfEveryKind_NeverPutATokenInMessagesOrLogs()
    {
        await using var harness = await SlackApiHarness.StartAsync(new SlackApiPolicy { TransientBaseDelay = TimeSpan.Zero });
        harness.Slack.Fail("chat.postMessage", "missing_scope", needed: "chat:write");
        harness.Slack.ServerErrorNext("chat.postMessage", 503);
        harness.Slack.AbortAfterHandlingNext("chat.postMessage");
        harness.Slack.Fail("users.info", "internal_error", times: null);
        var errors = new List<SlackApiException>();
        for (var i = 0; i < 3; i++)
        {
            errors.Add(await Assert.ThrowsAsync<SlackApiException>(
                () => harness.AdvanceUntilDoneAsync(
                    harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0LESSONS", ["text"] = "hi" }),
                    TimeSpan.FromSeconds(1))));
        }

        errors.Add(await Assert.ThrowsAsync<SlackApiException>(
            () => harness.AdvanceUntilDoneAsync(harness.Client.CallAsync("users.info", new JsonObject { ["user"] = "U1" }), TimeSpan.FromSeconds(1))));

        Assert.Equal(["missing_scope", "http_503", "network", "internal_error"], errors.Select(error => error.Error));
        foreach (var text in errors.Select(error => error.ToString()).Concat(harness.Log.Entries.Select(entry => entry.Everything)).Concat(harness.GateLog.Entries.Select(entry => entry.Everything)))
        {
            Assert.DoesNotContain(FakeSlackApi.DefaultBotToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeSlackApi.DefaultAppToken, text, StringComparison.Ordinal);
        }
    }
}
