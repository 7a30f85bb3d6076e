using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>Completes deferred interactions: waits for each reply and edits the original response with it.</summary>
internal sealed partial class DeferredReplySender(DeferredReplies replies, IDiscordRestClient rest, ILogger<DeferredReplySender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var reply in replies.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var message = await reply.Work.WaitAsync(stoppingToken).ConfigureAwait(false);
                await rest.EditOriginalResponseAsync(reply.ApplicationId, reply.InteractionToken, message, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The member sees "the application did not respond"; the bot goes on with the next one.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A deferred interaction reply could not be completed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
