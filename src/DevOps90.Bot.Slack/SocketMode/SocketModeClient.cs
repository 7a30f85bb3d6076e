using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.SocketMode;

/// <summary>
/// Keeps the app connected over Socket Mode (https://docs.slack.dev/apis/events-api/using-socket-mode): opens a
/// connection (apps.connections.open, then the WebSocket, then hello), replaces it when Slack asks, with the new one
/// open before the old one closes so nothing falls in between, and reconnects after a drop with jittered exponential
/// backoff. Stops for good, with the cause, when Slack refuses the app.
/// </summary>
internal sealed partial class SocketModeClient(
    ISlackApi api,
    SocketModeEnvelopeProcessor processor,
    TimeProvider time,
    ILogger<SocketModeClient> logger,
    Func<double> random,
    SocketModeTimeouts? timeouts = null,
    ConnectionBoard? board = null)
{
    /// <summary>How the readiness probe names the connection.</summary>
    public const string BoardName = "slack socket mode";

    private static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(60);

    private readonly SocketModeTimeouts _timeouts = timeouts ?? SocketModeTimeouts.Default;
    private int _connectionCount;

    /// <summary>
    /// Runs until <paramref name="stopping"/> is cancelled (then closes with 1000 and returns) or Slack refuses the app
    /// for good, which throws <see cref="SocketModeFatalException"/> naming the cause.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        SocketModeConnection? current = null;
        // Failed attempts since the last connection that reached hello: they set the backoff.
        var failures = 0;
        try
        {
            while (true)
            {
                if (current is null)
                {
                    board?.Connecting("slack", BoardName);
                    if (failures > 0)
                    {
                        var delay = Backoff(failures);
                        LogReconnecting(logger, delay.TotalMilliseconds, failures);
                        await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                    }

                    current = await TryOpenAsync(stopping).ConfigureAwait(false);
                    failures = current is null ? failures + 1 : 0;
                    if (current is not null)
                    {
                        board?.Connected(BoardName);
                    }

                    continue;
                }

                await Task.WhenAny(current.DisconnectRequested, current.Ended).WaitAsync(stopping).ConfigureAwait(false);
                if (!current.DisconnectRequested.IsCompleted)
                {
                    // Dropped without a word: Slack restarting, the network, or a silent connection cut off by the
                    // keep-alive. The connection already said why.
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = null;
                    failures = 1;
                    continue;
                }

                switch (await current.DisconnectRequested.ConfigureAwait(false))
                {
                    case "link_disabled":
                        const string cause = "Slack disabled Socket Mode for this app (link_disabled): turn it back on in the app's settings, or set Slack:Transport to Http";
                        LogFatal(logger, cause);
                        throw new SocketModeFatalException(cause);
                    case "too_many_websockets":
                        // This connection was one too many (Slack allows 10 per app): opening another at once would
                        // only be refused again. It goes; a new one follows after the backoff.
                        LogTooManyWebSockets(logger, current.Number);
                        await current.CloseAsync("too many websockets").ConfigureAwait(false);
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = null;
                        failures = 1;
                        break;
                    default:
                        // warning, refresh_requested, or a reason yet to be invented: the old connection keeps
                        // delivering until the new one has said hello, and closes after its envelopes are acknowledged.
                        var next = await TryOpenAsync(stopping).ConfigureAwait(false);
                        await current.CloseAsync("replaced by a new connection").ConfigureAwait(false);
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = next;
                        failures = next is null ? 1 : 0;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopping(logger);
        }
        finally
        {
            board?.Released(BoardName);
            if (current is not null)
            {
                await current.CloseAsync(stopping.IsCancellationRequested ? "the bot is stopping" : "Socket Mode stopped").ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Exponential from <see cref="BackoffBase"/>, capped at <see cref="BackoffCap"/>, times 0.5 to 1 at random, so restarted bots do not reconnect in step.</summary>
    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(BackoffCap.Ticks, BackoffBase.Ticks << Math.Min(failures - 1, 16))) * (0.5 + (0.5 * random()));

    /// <summary>A connection that has said hello; null after a failure worth retrying.</summary>
    private async Task<SocketModeConnection?> TryOpenAsync(CancellationToken stopping)
    {
        Uri url;
        try
        {
            url = await api.OpenConnectionAsync(stopping).ConfigureAwait(false);
        }
        catch (SlackApiException exception) when (exception.IsPermanent)
        {
            // SlackApiException's message says what to fix (invalid_auth: the app token; missing_scope: connections:write).
            var cause = $"Slack refused to open a Socket Mode connection ({exception.Error}): {exception.Message}";
            LogFatal(logger, cause);
            throw new SocketModeFatalException(cause, exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogOpenFailed(logger, exception.GetType().Name, exception.Message);
            return null;
        }

        var connection = new SocketModeConnection(Interlocked.Increment(ref _connectionCount), processor, _timeouts, time, logger, stopping);
        try
        {
            await connection.OpenAsync(url, stopping).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogConnectFailed(logger, connection.Number, exception.GetType().Name, exception.Message);
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to Slack's Socket Mode in {DelayMs} ms (attempt {Attempt})")]
    private static partial void LogReconnecting(ILogger logger, double delayMs, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Socket Mode stopped for good: {Cause}. Not reconnecting.")]
    private static partial void LogFatal(ILogger logger, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection}: Slack says the app has too many connections open; backing off")]
    private static partial void LogTooManyWebSockets(ILogger logger, int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get a Socket Mode URL (apps.connections.open): {ExceptionType}: {ExceptionMessage}")]
    private static partial void LogOpenFailed(ILogger logger, string exceptionType, string exceptionMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} did not open: {ExceptionType}: {ExceptionMessage}")]
    private static partial void LogConnectFailed(ILogger logger, int connection, string exceptionType, string exceptionMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode stopping")]
    private static partial void LogStopping(ILogger logger);
}
