using System.Diagnostics;
using System.Diagnostics.Metrics;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Core.Telemetry;

/// <summary>
/// The bot's own measurements, on the meter <see cref="MeterName"/>: what an operator graphs and pages on. Instruments
/// cost next to nothing while no exporter listens (Telemetry:Exporter None, the default). Names follow OpenTelemetry's
/// conventions (dotted, unit in the instrument, not the name); README "Metrics and traces" lists them.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "DevOps90.Bot";

    private readonly Counter<long> _posts;
    private readonly Histogram<double> _postDelay;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _platformRequests;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _checkIns;

    public BotMetrics(IMeterFactory factory)
        : this(factory.Create(MeterName))
    {
    }

    /// <summary>On a meter of the caller's (tests listen to their own).</summary>
    public BotMetrics(Meter meter)
    {
        _posts = meter.CreateCounter<long>("devops90.posts", "{post}", "Daily posts settled, by cohort, platform and outcome (sent, failed, skipped, retry).");
        _postDelay = meter.CreateHistogram<double>("devops90.post.delay", "s", "How long after its due time a daily post was sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 900, 3600] });
        _commands = meter.CreateCounter<long>("devops90.commands", "{command}", "Commands and buttons answered, by platform, command and outcome.");
        _commandDuration = meter.CreateHistogram<double>("devops90.command.duration", "s", "How long the bot took to answer a command or button.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _platformRequests = meter.CreateCounter<long>("devops90.platform.requests", "{request}", "Requests to a platform's API, by platform, route and HTTP status.");
        _rateLimited = meter.CreateCounter<long>("devops90.platform.rate_limited", "{response}", "429 answers from a platform, by platform and scope (route, global, shared).");
        _rateLimitWait = meter.CreateHistogram<double>("devops90.platform.rate_limit.wait", "s", "Time a request waited for a platform's rate limit before it was sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
        _reconnects = meter.CreateCounter<long>("devops90.connection.reconnects", "{reconnect}", "Reconnects of long-lived platform connections (gateway shards, Socket Mode).");
        _checkIns = meter.CreateCounter<long>("devops90.checkins", "{checkin}", "Check-ins recorded, by cohort and whether they came after their day (late).");
    }

    /// <summary>Traces: one span per daily post, command and platform request, under the same name as the meter.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    public void PostSettled(CohortId cohort, string platform, DeliveryStatus status, TimeSpan? delay = null)
    {
        if (OutcomeOf(status) is not { } outcome)
        {
            return;
        }

        var tags = new TagList { { "cohort", cohort.Value }, { "platform", platform }, { "outcome", outcome } };
        _posts.Add(1, tags);
        if (status == DeliveryStatus.Sent && delay is { } late)
        {
            _postDelay.Record(Math.Max(0, late.TotalSeconds), new TagList { { "cohort", cohort.Value }, { "platform", platform } });
        }
    }

    public void CommandAnswered(string platform, string command, CommandOutcome outcome, TimeSpan duration)
    {
        var tags = new TagList { { "platform", platform }, { "command", command }, { "outcome", OutcomeName(outcome) } };
        _commands.Add(1, tags);
        _commandDuration.Record(duration.TotalSeconds, tags);
    }

    /// <param name="route">The route's template (ids and tokens left out: "POST /channels/{id}/messages"), never the URL.</param>
    public void PlatformRequest(string platform, string route, int status) =>
        _platformRequests.Add(1, new TagList { { "platform", platform }, { "route", route }, { "status", status } });

    public void RateLimited(string platform, string scope) =>
        _rateLimited.Add(1, new TagList { { "platform", platform }, { "scope", scope } });

    public void RateLimitWaited(string platform, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
        {
            _rateLimitWait.Record(wait.TotalSeconds, new TagList { { "platform", platform } });
        }
    }

    public void Reconnected(string platform, string connection) =>
        _reconnects.Add(1, new TagList { { "platform", platform }, { "connection", connection } });

    public void CheckedIn(CohortId cohort, bool late) =>
        _checkIns.Add(1, new TagList { { "cohort", cohort.Value }, { "late", late } });

    /// <summary>Only what settles (or defers) a post counts; "nothing due" and "another instance has it" are not posts.</summary>
    private static string? OutcomeOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.SkippedAsStale => "skipped",
        DeliveryStatus.WillRetry => "retry",
        _ => null,
    };

    private static string OutcomeName(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Answered => "answered",
        CommandOutcome.Refused => "refused",
        CommandOutcome.Unknown => "unknown",
        _ => "failed",
    };
}

public enum CommandOutcome
{
    /// <summary>The handler answered (an answer that explains a mistake in the input included).</summary>
    Answered,

    /// <summary>A member asked for a moderators' command.</summary>
    Refused,

    /// <summary>No such command.</summary>
    Unknown,

    /// <summary>The handler threw.</summary>
    Failed,
}
