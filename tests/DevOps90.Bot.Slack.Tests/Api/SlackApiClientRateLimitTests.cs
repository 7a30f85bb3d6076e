using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;

namespace DevOps90.Bot.Slack.Tests.Api;

public sealed class SlackApiClientRateLimitTests
{
    private static JsonObject Post(string channel, string text) => new() { ["channel"] = channel, ["text"] = text };

    [Fact]
    public async Task CallAsync_429WithRetryAfter_WaitsThatLongThenPostsOnce()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 3);

        var answer = await harness.AdvanceUntilDoneAsync(harness.Client.CallAsync("chat.postMessage", Post("C0LESSONS", "Day 1")), TimeSpan.FromMilliseconds(500));

        var calls = harness.Slack.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromSeconds(3), $"retried after {calls[1].ReceivedAt - calls[0].ReceivedAt}");
        var message = Assert.Single(harness.Slack.Messages("C0LESSONS"));
        Assert.Equal(message.Ts, answer.GetProperty("ts").GetString());
        Assert.Contains(harness.Log.Entries, entry => entry.Everything.Contains("RetryAfterSeconds=3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallAsync_MethodRateLimited_OtherCallsOfThatMethodWaitToo()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AddUser(new("U0ADA", "ada"));
        harness.Slack.AddUser(new("U0BOB", "bob"));
        harness.Slack.RateLimitNext("users.info", retryAfterSeconds: 5);

        var first = harness.Client.CallAsync("users.info", new JsonObject { ["user"] = "U0ADA" });
        await harness.Log.WaitForAsync(entry => entry.Message.Contains("was rate limited", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var second = harness.Client.CallAsync("users.info", new JsonObject { ["user"] = "U0BOB" });
        await harness.AdvanceUntilDoneAsync(Task.WhenAll(first, second), TimeSpan.FromSeconds(1));

        var calls = harness.Slack.CallsTo("users.info");
        Assert.Equal(3, calls.Count);
        Assert.All(calls.Skip(1), call => Assert.True(call.ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromSeconds(5), $"sent {call.ReceivedAt - calls[0].ReceivedAt} after the 429"));
        Assert.Equal("ada", (await first).GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("bob", (await second).GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task CallAsync_RetryAfterBeyondTheLimit_FailsAtOnceAsTransient()
    {
        await using var harness = await SlackApiHarness.StartAsync(new SlackApiPolicy { MaxRetryAfter = TimeSpan.FromSeconds(30) });
        harness.Slack.RateLimitNext("conversations.history", retryAfterSeconds: 120);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.CallAsync("conversations.history", new JsonObject { ["channel"] = "C0LESSONS" }));

        Assert.Equal("ratelimited", error.Error);
        Assert.False(error.IsPermanent);
        Assert.Single(harness.Slack.Calls);
    }

    [Fact]
    public async Task CallAsync_PostMessagesToOneChannel_GoAtMostOneASecond()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        await harness.Client.CallAsync("chat.postMessage", Post("C0LESSONS", "first"));

        var second = harness.Client.CallAsync("chat.postMessage", Post("C0LESSONS", "second"));
        var otherChannel = await harness.Client.CallAsync("chat.postMessage", Post("C0OTHER", "elsewhere")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(second.IsCompleted);
        Assert.Single(harness.Slack.Messages("C0LESSONS"));
        Assert.Equal("C0OTHER", otherChannel.GetProperty("channel").GetString());

        await harness.AdvanceUntilDoneAsync(second, TimeSpan.FromSeconds(1));

        var posts = harness.Slack.CallsTo("chat.postMessage").Where(call => call.Argument("channel") == "C0LESSONS").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(SlackApiHarness.Start, posts[0].ReceivedAt);
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromSeconds(1), $"second post {posts[1].ReceivedAt - posts[0].ReceivedAt} after the first");
        Assert.Equal(SlackApiHarness.Start, harness.Slack.CallsTo("chat.postMessage").Single(call => call.Argument("channel") == "C0OTHER").ReceivedAt);
    }

    [Fact]
    public async Task CallAsync_CancelledWhileWaitingForRateLimit_StopsWithoutSending()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 30);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.CallAsync("chat.postMessage", Post("C0LESSONS", "Day 1"), cancellation.Token);
        await harness.Log.WaitForAsync(entry => entry.Message.Contains("was rate limited", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(harness.Slack.Calls);
        Assert.Empty(harness.Slack.Messages("C0LESSONS"));
    }
}
