using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Tests.Api;
using DevOps90.Bot.Slack.Tests.Contract;
using DevOps90.Bot.Slack.Tests.Rendering;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.Publishing;

/// <summary>The publisher against the fake Slack on loopback, through the real Web API client.</summary>
public sealed class SlackPublisherTests
{
    private const string Channel = "C0LESSONS";
    private static readonly ChatTarget Target = new("slack", Channel);

    // Before every ts the fake hands out (the harness's clock, 2025-01-06, onwards).
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.FromUnixTimeSeconds(1_699_999_000);

    [Fact]
    public async Task PublishAsync_Post_CarriesTheKeyInMetadataWithUnfurlingOff()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var publisher = new SlackPublisher(harness.Client);

        var result = await publisher.PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-1", "S0COHORT");

        Assert.Equal(PublishOutcome.Sent, result.Outcome);
        var message = Assert.Single(harness.Slack.Messages(Channel));
        Assert.Equal(message.Ts, result.MessageId);
        Assert.Equal("devops90_post", message.Metadata!["event_type"]!.GetValue<string>());
        Assert.Equal("d90-key-1", message.Metadata["event_payload"]!["delivery_key"]!.GetValue<string>());
        Assert.StartsWith("<!subteam^S0COHORT> ", message.Text, StringComparison.Ordinal);
        var call = Assert.Single(harness.Slack.CallsTo("chat.postMessage"));
        Assert.False(call.Arguments["unfurl_links"]!.GetValue<bool>());
        Assert.False(call.Arguments["unfurl_media"]!.GetValue<bool>());
        Assert.Equal("slack", publisher.Platform);
        Assert.False(publisher.DeduplicatesResends);
    }

    [SkippableFact]
    public async Task PublishAsync_Post_MatchesPostMessageSchema()
    {
        Skip.IfNot(SlackContract.Available, SlackContract.MissingMessage);
        await using var harness = await SlackApiHarness.StartAsync();

        await new SlackPublisher(harness.Client).PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-1", "S0COHORT");

        var call = Assert.Single(harness.Slack.CallsTo("chat.postMessage"));
        var errors = SlackContract.Errors("chat.postMessage.schema.json", call.Arguments.ToJsonString());
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [SkippableFact]
    public async Task Thread_IsThePostItself_AndAPostInItIsAReplyUnderIt_MatchingPostMessageSchema()
    {
        Skip.IfNot(SlackContract.Available, SlackContract.MissingMessage);
        await using var harness = await SlackApiHarness.StartAsync();
        IChatPublisher publisher = new SlackPublisher(harness.Client);
        var post = await publisher.PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-1", null);

        var thread = await publisher.OpenThreadAsync(Target, post.MessageId!, "Day 1 — Introduction");
        // A second message in the channel within the second: Slack's pace for a channel, kept on the harness's clock.
        var reply = await harness.AdvanceUntilDoneAsync(
            publisher.PostInThreadAsync(Target, thread.MessageId!, Reply.Text("📣 shared: https://example.org/day-1"), "d90-share"), TimeSpan.FromMilliseconds(200));
        var role = await publisher.GiveRoleAsync(Target, "slack:T0:U0ADA", "S0ROLE");

        // Slack has no thread to open (nor any call for it) and no roles.
        Assert.Equal((PublishOutcome.Sent, post.MessageId), (thread.Outcome, thread.MessageId));
        Assert.Equal(RoleGrantOutcome.NotSupported, role.Outcome);
        Assert.Equal(PublishOutcome.Sent, reply.Outcome);
        var calls = harness.Slack.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.Equal(post.MessageId, calls[1].Argument("thread_ts"));
        var errors = SlackContract.Errors("chat.postMessage.schema.json", calls[1].Arguments.ToJsonString());
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(post.MessageId, Assert.Single(harness.Slack.Messages(Channel), message => message.Ts == reply.MessageId).ThreadTs);
    }

    [Fact]
    public async Task FindPublishedAsync_PostWhoseAnswerWasLost_IsFound()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var publisher = new SlackPublisher(harness.Client);
        harness.Slack.AbortAfterHandlingNext("chat.postMessage");

        var lost = await publisher.PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-2", mentionRoleId: null);
        var found = await publisher.FindPublishedAsync(Target, "d90-key-2", LongAgo);

        Assert.Equal(PublishOutcome.TransientFailure, lost.Outcome);
        Assert.Equal(Assert.Single(harness.Slack.Messages(Channel)).Ts, found);
        var lookup = Assert.Single(harness.Slack.CallsTo("conversations.history"));
        Assert.Equal("1699999000.000000", lookup.Argument("oldest"));
        Assert.Equal("true", lookup.Arguments["include_all_metadata"]!.ToString());
    }

    [Fact]
    public async Task FindPublishedAsync_OtherKeysAndOlderMessages_AreIgnored()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var publisher = new SlackPublisher(harness.Client);
        var older = harness.Slack.AddMessage(Channel, "yesterday's", Metadata("d90-key-3"));
        harness.Slack.AddMessage(Channel, "another post", Metadata("d90-key-4"));
        harness.Slack.AddMessage(Channel, "someone else's", new JsonObject { ["event_type"] = "other_app", ["event_payload"] = new JsonObject { ["delivery_key"] = "d90-key-3" } });
        harness.Slack.AddMessage(Channel, "chatter");
        var since = DateTimeOffset.UnixEpoch.AddTicks((decimal.ToInt64(decimal.Parse(older, System.Globalization.CultureInfo.InvariantCulture) * 1_000_000) + 50) * 10);

        Assert.Null(await publisher.FindPublishedAsync(Target, "d90-key-3", since));
        Assert.Equal(older, await publisher.FindPublishedAsync(Target, "d90-key-3", LongAgo));
    }

    [Fact]
    public async Task FindPublishedAsync_PostBehindManyMessages_PagesThroughHistory()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var publisher = new SlackPublisher(harness.Client);
        var post = harness.Slack.AddMessage(Channel, "the post", Metadata("d90-key-5"));
        for (var i = 0; i < 450; i++)
        {
            harness.Slack.AddMessage(Channel, $"chatter {i}");
        }

        var found = await publisher.FindPublishedAsync(Target, "d90-key-5", LongAgo);

        Assert.Equal(post, found);
        var pages = harness.Slack.CallsTo("conversations.history");
        Assert.Equal(3, pages.Count);
        Assert.Null(pages[0].Argument("cursor"));
        Assert.NotNull(pages[2].Argument("cursor"));
        Assert.All(pages, page => Assert.Equal("200", page.Arguments["limit"]!.ToString()));
    }

    [Fact]
    public async Task FindPublishedAsync_HistoryFails_Throws()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("conversations.history", "missing_scope", needed: "channels:history");

        var exception = await Assert.ThrowsAsync<Slack.Api.SlackApiException>(() => new SlackPublisher(harness.Client).FindPublishedAsync(Target, "d90-key", LongAgo));

        Assert.Equal("missing_scope", exception.Error);
    }

    [Fact]
    public async Task EditAsync_Post_IsUpdatedInPlace()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var publisher = new SlackPublisher(harness.Client);
        var ts = (await publisher.PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-6", "S0COHORT")).MessageId!;

        var result = await publisher.EditAsync(Target, ts, Reply.Text("Day 37 moved to tomorrow") with { Language = "en" });

        Assert.Equal(PublishResult.Sent(ts), result);
        var message = Assert.Single(harness.Slack.Messages(Channel));
        Assert.Equal("Day 37 moved to tomorrow", message.Text);
        Assert.Equal("Day 37 moved to tomorrow", message.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        var call = Assert.Single(harness.Slack.CallsTo("chat.update"));
        Assert.Equal(ts, call.Argument("ts"));
        Assert.DoesNotContain("subteam", call.Arguments.ToJsonString(), StringComparison.Ordinal);
        if (SlackContract.Available)
        {
            Assert.Empty(SlackContract.Errors("chat.update.schema.json", call.Arguments.ToJsonString()));
        }
    }

    [Fact]
    public async Task EditAsync_DeletedMessage_IsAPermanentFailure()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.AddMessage(Channel, "something");

        var result = await new SlackPublisher(harness.Client).EditAsync(Target, "1690000000.000100", Reply.Text("edit"));

        Assert.Equal(PublishOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("message_not_found", result.Reason, StringComparison.Ordinal);
        Assert.Contains("deleted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAsync_MessageOfSomeoneElse_IsAPermanentFailure()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var ts = harness.Slack.AddMessage(Channel, "a member's message");
        harness.Slack.Fail("chat.update", "cant_update_message");

        var result = await new SlackPublisher(harness.Client).EditAsync(Target, ts, Reply.Text("edit"));

        Assert.Equal(PublishOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("cant_update_message", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_BotNotInChannel_IsAPermanentFailureThatSaysWhatToDo()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("chat.postMessage", "not_in_channel");

        var result = await new SlackPublisher(harness.Client).PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-7", null);

        Assert.Equal(PublishOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("invite the bot", result.Reason, StringComparison.Ordinal);
        Assert.Contains(Channel, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlackApi.DefaultBotToken, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_RateLimited_IsSentOnceTheWaitIsOver()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 3);

        var result = await harness.AdvanceUntilDoneAsync(
            new SlackPublisher(harness.Client).PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-8", null), TimeSpan.FromSeconds(1));

        Assert.Equal(PublishOutcome.Sent, result.Outcome);
        Assert.Equal(2, harness.Slack.CallsTo("chat.postMessage").Count);
        Assert.Single(harness.Slack.Messages(Channel));
    }

    [Fact]
    public async Task PublishAsync_Attachments_AreUploadedIntoThePostsThread()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        var result = await new SlackPublisher(harness.Client).PublishAsync(Target, SampleReplies.LongLesson() with { Attachments = SlackReplies.Chart }, "d90-key-9", null);

        var file = Assert.Single(harness.Slack.Files);
        Assert.Equal(("progress.png", Channel, result.MessageId), (file.FileName, file.ChannelId, file.ThreadTs));
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task PublishAsync_MentionThatIsNotAUserGroup_IsAPermanentFailureWithoutCallingSlack()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        var result = await new SlackPublisher(harness.Client).PublishAsync(Target, SampleReplies.LongLesson(), "d90-key-10", "<!channel>");

        Assert.Equal(PublishOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("not a Slack user group id", result.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Slack.Calls);
    }

    [Theory]
    [InlineData(0L, "0.000000")]
    [InlineData(1_700_000_000_123_456L, "1700000000.123456")]
    public void SlackTs_Instant_IsSecondsDotMicroseconds(long micros, string expected)
    {
        Assert.Equal(expected, SlackPublisher.SlackTs(DateTimeOffset.UnixEpoch.AddTicks(micros * 10)));
    }

    private static JsonObject Metadata(string key) =>
        new() { ["event_type"] = "devops90_post", ["event_payload"] = new JsonObject { ["delivery_key"] = key } };
}
