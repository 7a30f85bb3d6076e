using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// Completes deferred interactions: once the deferring callback has gone out, waits for each reply and edits the
/// original response with it (uploading its files, if any).
/// </summary>
internal sealed partial class DeferredReplySender(DeferredReplies replies, IDiscordRestClient rest, TimeProvider time, ILogger<DeferredReplySender> logger) : BackgroundService
{
    /// <summary>Discord's deadline for the callback (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction).</summary>
    public static readonly TimeSpan CallbackDeadline = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Replies finished at once: a slow command, or an upload of megabytes, must not hold up the ones queued behind it.
    /// Each interaction token is its own rate-limit bucket, so they do not compete for one either.
    /// </summary>
    public const int MaxConcurrentReplies = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            replies.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReplies, CancellationToken = stoppingToken },
            CompleteAsync);

    private async ValueTask CompleteAsync(DeferredReply reply, CancellationToken stoppingToken)
    {
        try
        {
            if (!await replies.CallbackSentAsync(reply, CallbackDeadline, time, stoppingToken).ConfigureAwait(false))
            {
                // The deferring callback failed, so there is nothing to edit; its failure is logged where it was sent.
                return;
            }

            var message = await reply.Work.WaitAsync(stoppingToken).ConfigureAwait(false);
            await rest.EditOriginalResponseAsync(reply.ApplicationId, reply.InteractionToken, message, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The member sees "the application did not respond"; the bot goes on with the others.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A deferred interaction reply could not be completed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
