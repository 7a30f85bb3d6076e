using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// Finishes follow-ups: waits for the reply, uploads its files (a private reply's into the member's direct messages
/// with the bot, since a file shared in a channel is seen by all; a public one's into the channel), then posts the
/// message to response_url, which Slack accepts up to five times within thirty minutes.
/// </summary>
internal sealed partial class SlackFollowUpSender(
    SlackFollowUps followUps,
    ISlackApi api,
    IHttpClientFactory http,
    ILogger<SlackFollowUpSender> logger) : BackgroundService
{
    public const string ResponseClient = "slack-response-url";

    /// <summary>
    /// Runs until the host stops and every follow-up taken is sent, so a member waiting for an answer gets it even
    /// when the bot is being restarted; only the end of the host's shutdown timeout cuts one short.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        followUps.Queue.RunAsync(SendAsync, (_, exception) => LogFailed(logger, exception), stoppingToken);

    /// <param name="cancellationToken">Cancelled only when the host stops waiting for work in flight.</param>
    private async Task SendAsync(SlackFollowUp followUp, CancellationToken cancellationToken)
    {
        // A failure here means the member sees no answer; the queue logs it and goes on with the others.
        var message = await followUp.Work.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!message.Files.IsEmpty)
        {
            var channel = message.IsPrivate || followUp.Caller.ChannelId is null
                ? await DirectMessageAsync(followUp.Caller.UserId, cancellationToken).ConfigureAwait(false)
                : followUp.Caller.ChannelId;
            foreach (var file in message.Files)
            {
                await api.UploadFileAsync(new SlackFileUpload(file.FileName, file.Content, file.Description ?? file.FileName, channel), cancellationToken).ConfigureAwait(false);
            }
        }

        if (followUp.ResponseUrl is { } url)
        {
            // The JSON text of the message's nodes, as for the Web API (no serializer over a type: Native AOT).
            using var content = SlackRequestBody.Json(SlackResponses.Of(message)).CreateContent();
            using var response = await http.CreateClient(ResponseClient).PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogResponseRefused(logger, (int)response.StatusCode);
            }
        }
    }

    private async Task<string> DirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        var opened = await api.CallAsync("conversations.open", new JsonObject { ["users"] = userId }, cancellationToken).ConfigureAwait(false);
        return opened.GetProperty("channel").GetProperty("id").GetString()!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused a reply sent to response_url (HTTP {Status})")]
    private static partial void LogResponseRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack reply could not be completed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
