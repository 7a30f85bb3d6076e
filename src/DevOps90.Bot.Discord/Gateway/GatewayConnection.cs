using System.Threading.Channels;
using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// Keeps one shard connected to the Discord gateway for as long as its caller (the <see cref="ShardSupervisor"/>,
/// while this instance holds the shard's lease) wants: connects, resumes or identifies anew as each disconnect
/// requires, backs off between failures, and hands every dispatch to the <see cref="IGatewayDispatchHandler"/> through
/// a bounded queue so that a slow handler never holds up heartbeats. Holds no state between runs: one instance serves
/// every shard of the process, each run on its own.
/// </summary>
internal sealed partial class GatewayConnection(
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IGatewayDispatchHandler handler,
    TimeProvider timeProvider,
    ILogger<GatewayConnection> logger,
    Func<double> random,
    GatewayTimeouts? timeouts = null,
    IdentifyGate? identifyGate = null,
    ConnectionBoard? board = null)
{
    private readonly GatewayTimeouts _timeouts = timeouts ?? GatewayTimeouts.Default;

    /// <summary>When the process's shards started: the first identifies are spread from here (<see cref="WaitForIdentifySlotAsync"/>).</summary>
    private readonly long _startedAt = timeProvider.GetTimestamp();

    /// <summary>max_concurrency counts identifies per 5 seconds (https://discord.com/developers/docs/events/gateway#session-start-limit-object).</summary>
    private static readonly TimeSpan IdentifyWindow = IdentifyGate.Window;

    private const int DispatchQueueCapacity = 256;

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled (then closes with 1000 and returns) or Discord
    /// refuses the bot for good, which throws <see cref="GatewayFatalException"/> naming the cause.
    /// </summary>
    public async Task RunAsync(GatewayShard shard, CancellationToken cancellationToken = default)
    {
        var dispatches = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(DispatchQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var pump = PumpDispatchesAsync(shard, dispatches.Reader, cancellationToken);
        try
        {
            await ConnectLoopAsync(shard, dispatches.Writer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(logger, shard);
        }
        finally
        {
            dispatches.Writer.TryComplete();
            // Lets queued dispatches finish after a fatal close; on cancellation the pump stops at once.
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            board?.Released(BoardName(shard));
        }
    }

    private async Task ConnectLoopAsync(GatewayShard shard, ChannelWriter<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        var identity = new GatewayIdentity(options.Value.Token ?? "", shard.Id, shard.Count);
        var session = new GatewaySession();
        var failures = 0;
        GatewayDisconnect? last = null;
        while (true)
        {
            if (last is not null)
            {
                var delay = ReconnectDelay(last, failures);
                LogReconnecting(logger, shard, delay.TotalMilliseconds, failures, last.Next);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var resume = last?.Next != GatewayNextStep.Identify && session.CanResume;
            Uri url;
            if (resume)
            {
                url = session.ResumeUrl!;
            }
            else
            {
                session.Reset();
                var gateway = await GatewayBotLookup.TryGetAsync(rest, logger, cancellationToken).ConfigureAwait(false);
                if (gateway is null)
                {
                    failures++;
                    last = GatewayDisconnect.ConnectFailed("gateway lookup failed");
                    continue;
                }

                await WaitForIdentifySlotAsync(gateway.SessionStartLimit, shard, session, cancellationToken).ConfigureAwait(false);
                url = GatewayUrls.Versioned(gateway.Url);
            }

            board?.Connecting("discord", BoardName(shard));
            using var socket = new GatewaySocket(identity, session, dispatches, _timeouts, timeProvider, random, logger);
            last = await socket.RunAsync(url, resume, cancellationToken).ConfigureAwait(false);
            failures = socket.Healthy ? 1 : failures + 1;
            if (last.Next == GatewayNextStep.Stop)
            {
                var cause = $"Discord closed the gateway connection with {last.CloseCode}: {last.Reason}";
                LogFatal(logger, last.CloseCode, last.Reason);
                throw new GatewayFatalException(cause, last.CloseCode);
            }
        }
    }

    /// <summary>
    /// Exponential backoff with jitter, counted from the last healthy session; the first attempt after Discord asked to
    /// reconnect goes at once. A wait the protocol asks for (invalid session) comes on top.
    /// </summary>
    private TimeSpan ReconnectDelay(GatewayDisconnect last, int failures)
    {
        var backoff = last.Immediate && failures <= 1
            ? TimeSpan.Zero
            : GatewayBackoff.After(failures, random);
        return backoff > last.MinimumDelay ? backoff : last.MinimumDelay;
    }

    /// <summary>
    /// Identifies only when Discord would accept it (https://discord.com/developers/docs/events/gateway#session-start-limit-object):
    /// with no session starts left (a count Discord keeps per bot, so every instance reads the same one, fresh before
    /// each identify), after reset_after; at the process's start, after the groups of lower shards (group =
    /// shard_id / max_concurrency, started in order, 5 s apart); never twice from this shard within 5 seconds; and,
    /// across instances, when the <see cref="IdentifyGate"/> lets the shard's rate-limit key through.
    /// </summary>
    private async Task WaitForIdentifySlotAsync(SessionStartLimit limit, GatewayShard shard, GatewaySession session, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.Zero;
        if (limit.Remaining <= 0)
        {
            wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
            LogSessionStartLimit(logger, limit.Total, wait.TotalMilliseconds);
        }

        // A shard taken over long after the start has no group to wait for: the gate spaces it from its bucket's last.
        var slot = session.LastIdentifyTimestamp is { } last
            ? IdentifyWindow - timeProvider.GetElapsedTime(last)
            : (IdentifyWindow * (shard.Id / Math.Max(1, limit.MaxConcurrency))) - timeProvider.GetElapsedTime(_startedAt);
        if (slot > wait)
        {
            wait = slot;
        }

        if (wait > TimeSpan.Zero)
        {
            LogIdentifyWait(logger, shard, wait.TotalMilliseconds);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (identifyGate is not null)
        {
            await identifyGate.WaitAsync(shard, limit.MaxConcurrency, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How the readiness probe and /healthz name a shard.</summary>
    public static string BoardName(GatewayShard shard) => $"discord shard {shard.Id}";

    private async Task PumpDispatchesAsync(GatewayShard shard, ChannelReader<GatewayDispatch> reader, CancellationToken cancellationToken)
    {
        await foreach (var dispatch in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (dispatch.EventName is "READY" or "RESUMED")
            {
                board?.Connected(BoardName(shard));
            }

            try
            {
                await handler.HandleDispatchAsync(dispatch.EventName, dispatch.Data, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One failing event must not cost the connection or the events after it.
                LogHandlerFailed(logger, dispatch.EventName, dispatch.Sequence, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: reconnecting to the gateway in {DelayMs} ms (attempt {Attempt}, next: {NextStep})")]
    private static partial void LogReconnecting(ILogger logger, GatewayShard shard, double delayMs, int attempt, GatewayNextStep nextStep);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Discord gateway refused the bot for good (close code {CloseCode}): {Cause}. Not reconnecting.")]
    private static partial void LogFatal(ILogger logger, int? closeCode, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No session starts left of {Total} today: waiting {ResetAfterMs} ms before identifying")]
    private static partial void LogSessionStartLimit(ILogger logger, int total, double resetAfterMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard}: waiting {DelayMs} ms for an identify slot")]
    private static partial void LogIdentifyWait(ILogger logger, GatewayShard shard, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {EventName} dispatch at sequence {Sequence} failed in its handler")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, long? sequence, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: gateway connection stopped")]
    private static partial void LogStopped(ILogger logger, GatewayShard shard);
}
