using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Tests.Api;

namespace DevOps90.Bot.Slack.Tests.Contract;

/// <summary>What the client actually sent to the fake, checked against Slack's argument schemas.</summary>
public sealed class SlackApiContractTests
{
    private static JsonArray Blocks() => new(
        new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Day 1" } },
        new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Introduction* to <https://example.com|DevOps>" } },
        new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = "lesson_done",
                ["value"] = "1",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Done" },
            }),
        });

    [SkippableFact]
    public async Task ChatMethods_SentBodies_MatchSlacksSchemas()
    {
        Skip.IfNot(SlackContract.Available, SlackContract.MissingMessage);
        await using var harness = await SlackApiHarness.StartAsync();

        var posted = await harness.Client.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C0LESSONS",
            ["text"] = "Day 1: Introduction",
            ["blocks"] = Blocks(),
            ["unfurl_links"] = false,
            ["metadata"] = new JsonObject { ["event_type"] = "lesson_posted", ["event_payload"] = new JsonObject { ["delivery"] = "d-1", ["day"] = 1 } },
        });
        await harness.Client.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = "C0LESSONS", ["user"] = "U0ADA", ["text"] = "Only you can see this", ["blocks"] = Blocks(),
        });
        await harness.Client.CallAsync("chat.update", new JsonObject
        {
            ["channel"] = "C0LESSONS", ["ts"] = posted.GetProperty("ts").GetString(), ["text"] = "Day 1 (edited)", ["blocks"] = Blocks(),
        });

        AssertValid("chat.postMessage");
        AssertValid("chat.postEphemeral");
        AssertValid("chat.update");

        void AssertValid(string method)
        {
            var call = Assert.Single(harness.Slack.CallsTo(method));
            var errors = SlackContract.Errors($"{method}.schema.json", call.Arguments.ToJsonString());
            Assert.True(errors.Count == 0, $"{method}: {string.Join(Environment.NewLine, errors)}");
        }
    }

    [SkippableFact]
    public async Task UploadFlow_SentBodies_MatchSlacksSchemas()
    {
        Skip.IfNot(SlackContract.Available, SlackContract.MissingMessage);
        await using var harness = await SlackApiHarness.StartAsync();

        await harness.Client.UploadFileAsync(new SlackFileUpload(
            "day-01.md", "# Day 1"u8.ToArray(), Title: "Day 1", ChannelId: "C0LESSONS", ThreadTs: "1700000000.000100", InitialComment: "The lesson"));

        var ticket = Assert.Single(harness.Slack.CallsTo("files.getUploadURLExternal"));
        var ticketJson = SlackContract.FromForm("files.getUploadURLExternal.schema.json", ticket.Arguments);
        Assert.Empty(SlackContract.Errors("files.getUploadURLExternal.schema.json", ticketJson.ToJsonString()));
        var completion = Assert.Single(harness.Slack.CallsTo("files.completeUploadExternal"));
        Assert.Empty(SlackContract.Errors("files.completeUploadExternal.schema.json", completion.Arguments.ToJsonString()));
    }

    [SkippableFact]
    public void Errors_MisspeltArgument_IsReported()
    {
        Skip.IfNot(SlackContract.Available, SlackContract.MissingMessage);

        var errors = SlackContract.Errors("chat.postMessage.schema.json", """{"channel":"C0LESSONS","txet":"hello"}""");

        Assert.NotEmpty(errors);
    }
}
