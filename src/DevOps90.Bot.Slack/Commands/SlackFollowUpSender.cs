using System.Net.Http.Json;
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

    /// <summary>A slow export must not hold up the replies queued behind it.</summary>
    public const int MaxConcurrent = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            followUps.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrent, CancellationToken = stoppingToken },
            SendAsync);

    private async ValueTask SendAsync(SlackFollowUp followUp, CancellationToken stoppingToken)
    {
        try
        {
            var message = await followUp.Work.WaitAsync(stoppingToken).ConfigureAwait(false);
            if (!message.Files.IsEmpty)
            {
                var channel = message.IsPrivate || followUp.Caller.ChannelId is null
                    ? await DirectMessageAsync(followUp.Caller.UserId, stoppingToken).ConfigureAwait(false)
                    : followUp.Caller.ChannelId;
                foreach (var file in message.Files)
                {
                    await api.UploadFileAsync(new SlackFileUpload(file.FileName, file.Content, file.Description ?? file.FileName, channel), stoppingToken).ConfigureAwait(false);
                }
            }

            if (followUp.ResponseUrl is { } url)
            {
                using var response = await http.CreateClient(ResponseClient).PostAsJsonAsync(url, SlackResponses.Of(message), stoppingToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    LogResponseRefused(logger, (int)response.StatusCode);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The member sees no answer; the bot goes on with the others.
            LogFailed(logger, exception);
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
