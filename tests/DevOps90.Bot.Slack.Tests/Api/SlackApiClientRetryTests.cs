using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;

namespace DevOps90.Bot.Slack.Tests.Api;

public sealed class SlackApiClientRetryTests
{
    private static JsonObject History => new() { ["channel"] = "C0LESSONS", ["limit"] = 10 };

    [Theory]
    [InlineData("chat.postMessage")]
    [InlineData("chat.postEphemeral")]
    public async Task CallAsync_PostAnswered500_IsNotSentAgain(string method)
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.ServerErrorNext(method, 500);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.AdvanceUntilDoneAsync(
                harness.Client.CallAsync(method, new JsonObject { ["channel"] = "C0LESSONS", ["user"] = "U0ADA", ["text"] = "Day 1" }),
                TimeSpan.FromSeconds(1)));

        Assert.Equal("http_500", error.Error);
        Assert.False(error.IsPermanent);
        Assert.Single(harness.Slack.Calls);
    }

    [Fact]
    public async Task CallAsync_PostHandledButConnectionLost_IsNotSentAgainAndPostedOnce()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AbortAfterHandlingNext("chat.postMessage");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.AdvanceUntilDoneAsync(
                harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0LESSONS", ["text"] = "Day 1" }),
                TimeSpan.FromSeconds(1)));

        Assert.Equal("network", error.Error);
        Assert.False(error.IsPermanent);
        Assert.Single(harness.Slack.Calls);
        Assert.Equal("Day 1", Assert.Single(harness.Slack.Messages("C0LESSONS")).Text);
    }

    [Fact]
    public async Task CallAsync_HistoryAnswered500Once_IsRetriedAndSucceeds()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AddMessage("C0LESSONS", "Day 1");
        harness.Slack.ServerErrorNext("conversations.history", 503);

        var answer = await harness.AdvanceUntilDoneAsync(harness.Client.CallAsync("conversations.history", History), TimeSpan.FromMilliseconds(500));

        Assert.Equal("Day 1", answer.GetProperty("messages")[0].GetProperty("text").GetString());
        var calls = harness.Slack.CallsTo("conversations.history");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= new SlackApiPolicy().TransientBaseDelay);
    }

    [Fact]
    public async Task CallAsync_HistoryConnectionLostOnce_IsRetriedAndSucceeds()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AbortAfterHandlingNext("conversations.history");

        await harness.AdvanceUntilDoneAsync(harness.Client.CallAsync("conversations.history", History), TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, harness.Slack.CallsTo("conversations.history").Count);
    }

    [Fact]
    public async Task CallAsync_HistoryFailingEveryTime_GivesUpAfterTheRetries()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            harness.Slack.ServerErrorNext("conversations.history", 502);
        }

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.AdvanceUntilDoneAsync(harness.Client.CallAsync("conversations.history", History), TimeSpan.FromMilliseconds(500)));

        Assert.Equal("http_502", error.Error);
        Assert.Equal(1 + new SlackApiPolicy().MaxTransientRetries, harness.Slack.Calls.Count);
    }
}
