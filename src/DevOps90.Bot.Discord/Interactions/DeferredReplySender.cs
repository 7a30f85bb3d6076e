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
    /// Runs until the host stops and every reply taken is finished, so a member waiting for a reply gets it even when
    /// the bot is being restarted; only the end of the host's shutdown timeout cuts one short.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        replies.Queue.RunAsync(CompleteAsync, (_, exception) => LogFailed(logger, exception), stoppingToken);

    /// <param name="cancellationToken">Cancelled only when the host stops waiting for work in flight.</param>
    private async Task CompleteAsync(DeferredReply reply, CancellationToken cancellationToken)
    {
        if (!await replies.CallbackSentAsync(reply, CallbackDeadline, time, cancellationToken).ConfigureAwait(false))
        {
            // The deferring callback failed, so there is nothing to edit; its failure is logged where it was sent.
            return;
        }

        // A failure here means the member sees "the application did not respond"; the queue logs it and goes on.
        var message = await reply.Work.WaitAsync(cancellationToken).ConfigureAwait(false);
        await rest.EditOriginalResponseAsync(reply.ApplicationId, reply.InteractionToken, message, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A deferred interaction reply could not be completed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
