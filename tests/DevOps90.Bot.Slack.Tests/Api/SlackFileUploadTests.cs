using DevOps90.Bot.Slack.Api;

namespace DevOps90.Bot.Slack.Tests.Api;

public sealed class SlackFileUploadTests
{
    [Fact]
    public async Task UploadFileAsync_FileForAThread_ArrivesIntactAndIsSharedThere()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var content = new byte[70_001];
        new Random(90).NextBytes(content);

        var fileId = await harness.Client.UploadFileAsync(new SlackFileUpload(
            "day-01.md", content, Title: "Day 1: Introduction", ChannelId: "C0LESSONS", ThreadTs: "1700000000.000100", InitialComment: "The full lesson"));

        var file = Assert.Single(harness.Slack.Files);
        Assert.Equal(fileId, file.Id);
        Assert.Equal("day-01.md", file.FileName);
        Assert.Equal(content.Length, file.DeclaredLength);
        Assert.Equal(content, file.Content);
        Assert.Equal("Day 1: Introduction", file.Title);
        Assert.Equal("C0LESSONS", file.ChannelId);
        Assert.Equal("1700000000.000100", file.ThreadTs);
        Assert.Equal("The full lesson", file.InitialComment);
        Assert.Equal(["files.getUploadURLExternal", "(upload)", "files.completeUploadExternal"], harness.Slack.Calls.Select(call => call.Method));
    }

    [Fact]
    public async Task UploadFileAsync_BytesStep_SendsNoTokenAndRawBytes()
    {
        await using var harness = await SlackApiHarness.StartAsync();

        await harness.Client.UploadFileAsync(new SlackFileUpload("notes.txt", "hello"u8.ToArray()));

        var upload = Assert.Single(harness.Slack.CallsTo("(upload)"));
        Assert.Equal("", upload.Authorization);
        Assert.Equal("application/octet-stream", upload.ContentType);
        var ticket = Assert.Single(harness.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.Equal("notes.txt", ticket.Argument("filename"));
        Assert.Equal("5", ticket.Argument("length"));
        var completion = Assert.Single(harness.Slack.CallsTo("files.completeUploadExternal"));
        Assert.Equal("notes.txt", completion.Arguments["files"]![0]!["title"]!.GetValue<string>());
        Assert.False(completion.Arguments.ContainsKey("channel_id"));
    }

    [Fact]
    public async Task UploadFileAsync_CompletionRefused_ThrowsWithSlacksCode()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("files.completeUploadExternal", "not_in_channel", channel: "C0PRIVATE");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.UploadFileAsync(new SlackFileUpload("notes.txt", "hello"u8.ToArray(), ChannelId: "C0PRIVATE")));

        Assert.Equal("files.completeUploadExternal", error.Method);
        Assert.Contains("<#C0PRIVATE>", error.Message, StringComparison.Ordinal);
    }
}
