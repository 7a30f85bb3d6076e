using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.SocketMode;

/// <summary>
/// Runs envelopes through the <see cref="ISlackInboundHandler"/> beside the receive loop, at most
/// <see cref="MaxConcurrentEnvelopes"/> at a time across connections, and acknowledges each one: with the handler's
/// payload, empty when the handler failed (logged; Slack redelivering it would only fail again), empty at once for a
/// redelivery of something already run.
/// </summary>
internal sealed partial class SocketModeEnvelopeProcessor(
    ISlackInboundHandler handler,
    SlackRecentIds recent,
    ILogger<SocketModeEnvelopeProcessor> logger) : IDisposable
{
    /// <summary>Handlers answer within Slack's 3 seconds; more than this many at once is a burst worth slowing reads for.</summary>
    public const int MaxConcurrentEnvelopes = 16;

    private readonly SemaphoreSlim _slots = new(MaxConcurrentEnvelopes, MaxConcurrentEnvelopes);

    /// <summary>
    /// Waits for a free slot (holding up the receive loop, not losing envelopes, when all are busy), then starts the
    /// envelope and returns its run, which never throws.
    /// </summary>
    public async Task<Task> StartAsync(SocketModeEnvelope envelope, ISocketModeAcknowledger connection, CancellationToken stopping)
    {
        await _slots.WaitAsync(stopping).ConfigureAwait(false);
        return Task.Run(() => RunAsync(envelope, connection, stopping), CancellationToken.None);
    }

    public void Dispose() => _slots.Dispose();

    private async Task RunAsync(SocketModeEnvelope envelope, ISocketModeAcknowledger connection, CancellationToken stopping)
    {
        try
        {
            if (!recent.TryAdd(envelope.DeliveryKey))
            {
                LogRedelivered(logger, envelope.Kind, envelope.EnvelopeId, envelope.RetryAttempt);
                await connection.AcknowledgeAsync(envelope.Acknowledgement(null), envelope.EnvelopeId).ConfigureAwait(false);
                return;
            }

            JsonObject? payload = null;
            try
            {
                payload = await handler.HandleAsync(new SlackInbound(envelope.Kind, envelope.Payload), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped before it was done: no acknowledgement, so that Slack delivers it to whichever connection
                // is open next (this bot restarted, or another instance).
                recent.Forget(envelope.DeliveryKey);
                return;
            }
            catch (Exception exception)
            {
                LogHandlerFailed(logger, envelope.Kind, envelope.EnvelopeId, exception);
            }

            await connection.AcknowledgeAsync(envelope.Acknowledgement(payload), envelope.EnvelopeId).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack delivered the {Kind} envelope {EnvelopeId} again (retry {RetryAttempt}): acknowledged without running it twice")]
    private static partial void LogRedelivered(ILogger logger, SlackInboundKind kind, string envelopeId, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Slack {Kind} envelope {EnvelopeId} failed in its handler; acknowledged all the same")]
    private static partial void LogHandlerFailed(ILogger logger, SlackInboundKind kind, string envelopeId, Exception exception);
}

/// <summary>Where an envelope's acknowledgement goes: the connection it came on. Never throws; a lost ack is logged.</summary>
internal interface ISocketModeAcknowledger
{
    Task AcknowledgeAsync(JsonObject acknowledgement, string envelopeId);
}
