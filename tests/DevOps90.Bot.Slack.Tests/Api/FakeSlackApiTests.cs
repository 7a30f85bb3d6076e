using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.Api;

/// <summary>The fake's own behaviour where tests elsewhere will lean on it: history, metadata, response_url.</summary>
public sealed class FakeSlackApiTests
{
    [Fact]
    public async Task History_ManyMessages_PagesNewestFirstWithCursor()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var stamps = Enumerable.Range(1, 5).Select(day => harness.Slack.AddMessage("C0LESSONS", $"Day {day}")).ToList();

        var texts = new List<string>();
        string? cursor = null;
        do
        {
            var arguments = new JsonObject { ["channel"] = "C0LESSONS", ["limit"] = 2 };
            if (cursor is not null)
            {
                arguments["cursor"] = cursor;
            }

            var page = await harness.Client.CallAsync("conversations.history", arguments);
            texts.AddRange(page.GetProperty("messages").EnumerateArray().Select(message => message.GetProperty("text").GetString()!));
            cursor = page.GetProperty("response_metadata").GetProperty("next_cursor").GetString();
        }
        while (!string.IsNullOrEmpty(cursor));

        Assert.Equal(["Day 5", "Day 4", "Day 3", "Day 2", "Day 1"], texts);
        // The fake clock's time, a microsecond apart when two messages share an instant.
        var seconds = SlackApiHarness.Start.ToUnixTimeSeconds();
        Assert.Equal([$"{seconds}.000000", $"{seconds}.000001"], stamps.Take(2));
    }

    [Fact]
    public async Task History_OldestAndMetadata_ReturnsNewerMessagesWithMetadataOnlyWhenAsked()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var first = harness.Slack.AddMessage("C0LESSONS", "Day 1");
        await harness.Client.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C0LESSONS",
            ["text"] = "Day 2",
            ["metadata"] = new JsonObject { ["event_type"] = "lesson_posted", ["event_payload"] = new JsonObject { ["delivery"] = "d-2" } },
        });
        await harness.AdvanceUntilDoneAsync( // one message a second per channel: the clock must move for the second
            harness.Client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0LESSONS", ["text"] = "reply", ["thread_ts"] = first }),
            TimeSpan.FromSeconds(1));

        var plain = await harness.Client.CallAsync("conversations.history", new JsonObject { ["channel"] = "C0LESSONS", ["oldest"] = first });
        var withMetadata = await harness.Client.CallAsync(
            "conversations.history", new JsonObject { ["channel"] = "C0LESSONS", ["oldest"] = first, ["include_all_metadata"] = true });

        var message = Assert.Single(plain.GetProperty("messages").EnumerateArray()); // the thread reply is not in history
        Assert.Equal("Day 2", message.GetProperty("text").GetString());
        Assert.False(message.TryGetProperty("metadata", out _));
        var metadata = Assert.Single(withMetadata.GetProperty("messages").EnumerateArray()).GetProperty("metadata");
        Assert.Equal("lesson_posted", metadata.GetProperty("event_type").GetString());
        Assert.Equal("d-2", metadata.GetProperty("event_payload").GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task ResponseUrl_JsonPosted_IsRecordedUnderItsId()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var http = new HttpClient();

        using var answer = await http.PostAsync(slack.ResponseUrl("cmd-1"), new StringContent("""{"response_type":"ephemeral","text":"Day 3"}""", System.Text.Encoding.UTF8, "application/json"));

        answer.EnsureSuccessStatusCode();
        var body = Assert.Single(slack.Responses("cmd-1"));
        Assert.Equal("Day 3", body["text"]!.GetValue<string>());
        Assert.Empty(slack.Responses("cmd-2"));
    }

    [Fact]
    public async Task WaitForCallsAsync_CallArrives_Completes()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var waiting = harness.Slack.WaitForCallsAsync("chat.postEphemeral", 1);

        Assert.False(waiting.IsCompleted);
        var answer = await harness.Client.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = "C0LESSONS", ["user"] = "U0ADA", ["text"] = "only you" });
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        var ephemeral = Assert.Single(harness.Slack.Ephemerals);
        Assert.Equal("U0ADA", ephemeral.User);
        Assert.Equal(ephemeral.MessageTs, answer.GetProperty("message_ts").GetString());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("message_ts").ValueKind);
    }
}
