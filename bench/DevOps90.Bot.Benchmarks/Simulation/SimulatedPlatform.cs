using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Benchmarks.Simulation;

internal enum CallKind
{
    Sent,
    PermanentFailure,
    TransientFailure,

    /// <summary>The platform created (or found) the message, then the bot process died before it heard the answer.</summary>
    CrashAfterAccept,
    StopAfterAccept,

    /// <summary>The platform created (or found) the message, but the answer never reached the bot (a timeout).</summary>
    LostResponse,
}

/// <summary>One call the bot made for one idempotency key; <see cref="Created"/> when it made a new message.</summary>
internal sealed record PlatformCall(DateTimeOffset At, CallKind Kind, bool Created, bool Accepted);

internal sealed record PlatformMessage(string Id, string IdempotencyKey, string Channel, string Title, DateTimeOffset CreatedAt);

/// <summary>
/// A chat platform that keeps every message and deduplicates on the idempotency key as Discord does with
/// <c>enforce_nonce</c> (a repeat returns the earlier message and creates nothing), here with no time limit; Discord
/// only looks back "the past few minutes" (https://discord.com/developers/docs/resources/message#create-message),
/// which is why repeats are timed. It also fails at random, in the ways a real one does.
/// </summary>
internal sealed class SimulatedPlatform(SimulationOptions options, Random random, TimeProvider time) : IChatPublisher
{
    /// <summary>Discord's nonce check covers "the past few minutes"; a repeat later than this may not be caught there.</summary>
    public static readonly TimeSpan DiscordNonceWindow = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, PlatformMessage> _messages = [];
    private readonly Dictionary<string, List<PlatformCall>> _calls = [];

    public string Platform => SimulatedCohorts.Platform;

    // Deduplicates on the idempotency key, like Discord's nonce (here without a time limit).
    public bool DeduplicatesResends => true;

    /// <summary>Kills the bot process that is calling; the simulation sets it for each process it starts.</summary>
    public Action? KillProcess { get; set; }

    /// <summary>Which cohort posts into which channel, to say where a crash happened.</summary>
    public Dictionary<string, CohortId> ChannelOwners { get; } = [];

    public IReadOnlyDictionary<string, PlatformMessage> Messages => _messages;

    /// <summary>The cohort whose post was being sent when the platform last killed the bot.</summary>
    public CohortId? KilledFor { get; private set; }

    public IReadOnlyDictionary<string, List<PlatformCall>> Calls => _calls;

    /// <summary>Messages created, counting each creation (with deduplication working, one per key).</summary>
    public int Creations { get; private set; }

    public int Repeats { get; private set; }

    public int RepeatsBeyondNonceWindow { get; private set; }

    public TimeSpan LongestRepeatDelay { get; private set; }

    public Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (!_calls.TryGetValue(idempotencyKey, out var calls))
        {
            _calls[idempotencyKey] = calls = [];
        }

        var roll = random.NextDouble();
        if ((roll -= options.PermanentFailureRate) < 0)
        {
            calls.Add(new PlatformCall(now, CallKind.PermanentFailure, false, false));
            return Task.FromResult(PublishResult.Permanent("50001 Missing Access (simulated)"));
        }

        if ((roll -= options.TransientFailureRate) < 0)
        {
            calls.Add(new PlatformCall(now, CallKind.TransientFailure, false, false));

            // Both ways an adapter reports trouble: a result it chose, or an exception it let through.
            return random.Next(2) == 0
                ? Task.FromResult(PublishResult.Transient("503 Service Unavailable (simulated)"))
                : Task.FromException<PublishResult>(new HttpRequestException("connection reset (simulated)"));
        }

        var (message, created) = Accept(target, post, idempotencyKey, now);
        if ((roll -= options.CrashAfterAcceptRate) < 0)
        {
            calls.Add(new PlatformCall(now, CallKind.CrashAfterAccept, created, true));

            // The process dies here: its lifetime token is cancelled, and a cancellation on that token is the one
            // exception DailyPostService lets through, so the ledger line stays 'claimed' as after a real crash.
            KilledFor = ChannelOwners.GetValueOrDefault(target.Channel);
            KillProcess?.Invoke();
            return Task.FromCanceled<PublishResult>(cancellationToken);
        }

        if ((roll -= options.StopAfterAcceptRate) < 0)
        {
            calls.Add(new PlatformCall(now, CallKind.StopAfterAccept, created, true));

            // The host is told to stop (a start failing on a taken port, a shutdown) while the platform answers: the
            // answer arrives, but every token the process holds is cancelled by the time it is to be recorded.
            KilledFor = ChannelOwners.GetValueOrDefault(target.Channel);
            KillProcess?.Invoke();
            return Task.FromResult(PublishResult.Sent(message.Id));
        }

        if ((roll -= options.LostResponseRate) < 0)
        {
            calls.Add(new PlatformCall(now, CallKind.LostResponse, created, true));
            return Task.FromException<PublishResult>(new TimeoutException("no answer within 30 s (simulated; the message was created)"));
        }

        calls.Add(new PlatformCall(now, CallKind.Sent, created, true));
        return Task.FromResult(PublishResult.Sent(message.Id));
    }

    private (PlatformMessage Message, bool Created) Accept(ChatTarget target, Reply post, string idempotencyKey, DateTimeOffset now)
    {
        if (_messages.TryGetValue(idempotencyKey, out var earlier))
        {
            Repeats++;
            var delay = now - earlier.CreatedAt;
            LongestRepeatDelay = delay > LongestRepeatDelay ? delay : LongestRepeatDelay;
            RepeatsBeyondNonceWindow += delay > DiscordNonceWindow ? 1 : 0;
            return (earlier, false);
        }

        Creations++;
        var message = new PlatformMessage(
            (1_000_000_000_000 + Creations).ToString(CultureInfo.InvariantCulture), idempotencyKey, target.Channel, post.Title ?? "", now);
        _messages[idempotencyKey] = message;
        return (message, true);
    }
}
