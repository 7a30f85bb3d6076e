using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;

namespace DevOps90.Bot.Benchmarks.Simulation;

internal enum Requirement
{
    /// <summary>Missed while the bot was down or the cohort paused, and not the post to catch up on: may go unsent.</summary>
    NotRequired,

    /// <summary>The bot was up and the cohort active at the post time.</summary>
    OnTime,

    /// <summary>Missed, but the first reconciliation after it found it still the latest due post and within the staleness window.</summary>
    CatchUp,

    /// <summary>Too close to the end of the run to judge (its retries and catch-up would fall after it).</summary>
    Tail,
}

internal enum Fate
{
    Delivered,
    NotSent,

    /// <summary>The platform refused it for good (an injected permanent failure): expected, not missing.</summary>
    PermanentFailure,

    RetriesExhausted,

    /// <summary>
    /// A try failed, and before the retry the bot went down or the cohort was paused until a later post was due or the
    /// post was stale: by design only the latest post is caught up, so this one is dropped.
    /// </summary>
    DroppedAfterFailureAndOutage,

    /// <summary>A try failed and the next round came after the staleness window: recorded as failed, by design.</summary>
    StaleAfterFailure,

    /// <summary>Required, never on the platform, and no injected failure explains it.</summary>
    Missing,
}

internal sealed record PostCheck(
    SimulatedCohort Cohort, Cohort Final, PlannedPost Post, DeliveryKey Key, Requirement Requirement, Fate Fate,
    PlatformMessage? Message, IReadOnlyList<PlatformCall> Calls, DeliveryRecord? Record, DateTimeOffset? CatchUpAt);

/// <summary>A post announced twice to the platform after the bot had been told the first one arrived.</summary>
internal sealed record Resend(PostCheck Post, DateTimeOffset SentAt, DateTimeOffset ResentAt);

/// <summary>
/// What should have been posted, from <see cref="PostPlanner"/> over each cohort's final calendar and the bot's real
/// uptime, against what the platform holds and what the ledger says.
/// </summary>
internal sealed class SimulationVerdict
{
    private SimulationVerdict()
    {
    }

    public List<PostCheck> Posts { get; } = [];

    public List<Resend> ResendsAfterSuccess { get; } = [];

    /// <summary>Messages created more than once for one key (the platform deduplicates, so this stays 0 unless it is broken).</summary>
    public int Duplicates { get; private set; }

    public List<PlatformMessage> Unplanned { get; } = [];

    /// <summary>Planned posts whose instant is not one of the cron's fire times (daylight-saving days).</summary>
    public List<(PostCheck Post, DateTimeOffset[] FiresThatDay)> CronMismatches { get; } = [];

    /// <summary>Local dates on which a cohort's cron fired more than once (an autumn overlap).</summary>
    public int CronDoubleFires { get; private set; }

    /// <summary>Ledger lines that say sent with no message on the platform.</summary>
    public List<DeliveryRecord> PhantomSent { get; } = [];

    public List<DeliveryRecord> Ledger { get; } = [];

    public IEnumerable<PostCheck> Missing => Posts.Where(post => post.Fate == Fate.Missing);

    public bool Passed => Duplicates == 0 && ResendsAfterSuccess.Count == 0 && PhantomSent.Count == 0 && !Missing.Any();

    public static async Task<SimulationVerdict> JudgeAsync(DeliverySimulation simulation)
    {
        var verdict = new SimulationVerdict();
        var calendars = simulation.NewService();
        var window = simulation.DeliveryOptions.StalenessWindow;
        var tolerance = simulation.DeliveryOptions.EarlyFireTolerance;
        var planned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < simulation.Cohorts.Count; i++)
        {
            var cohort = simulation.Cohorts[i];
            var final = simulation.Directory.Find(cohort.Configured.Id)!;
            var calendar = calendars.CalendarFor(final) ?? throw new InvalidOperationException($"no curriculum for {final.Id}");
            var posts = PlannedPosts(calendar, simulation.Begin, simulation.End);
            var records = (await simulation.Ledger.RecentAsync(final.Id, 10_000).ConfigureAwait(false)).ToDictionary(record => record.Key);
            verdict.Ledger.AddRange(records.Values);
            var fires = simulation.FireTimes[i].ToHashSet();
            verdict.CronDoubleFires += fires.GroupBy(fire => StudyCalendar.LocalDate(fire, final.TimeZone)).Count(day => day.Count() > 1);

            // A message sent before a pause may announce a post the final calendar no longer has: it was planned then.
            if (cohort.PauseAt is { } pauseAt)
            {
                var paused = cohort.Configured.PausedFrom(StudyCalendar.LocalDate(pauseAt, final.TimeZone));
                foreach (var version in new[] { cohort.Configured, paused })
                {
                    planned.UnionWith(PlannedPosts(calendars.CalendarFor(version)!, simulation.Begin, simulation.End).Select(post => DeliveryKey.For(post).IdempotencyKey));
                }
            }

            for (var k = 0; k < posts.Count; k++)
            {
                var post = posts[k];
                var key = DeliveryKey.For(post);
                planned.Add(key.IdempotencyKey);
                var (requirement, catchUpAt) = RequirementOf(simulation, cohort, posts, k, window, tolerance);
                var message = simulation.Platform.Messages.GetValueOrDefault(key.IdempotencyKey);
                var calls = simulation.Platform.Calls.GetValueOrDefault(key.IdempotencyKey) ?? [];
                var record = records.GetValueOrDefault(key);
                var check = new PostCheck(cohort, final, post, key, requirement, Fate.NotSent, message, calls, record, catchUpAt);
                check = check with { Fate = FateOf(simulation, check, k + 1 < posts.Count ? posts[k + 1] : null, window) };
                verdict.Posts.Add(check);

                if (!fires.Contains(post.PostAt))
                {
                    verdict.CronMismatches.Add((check, [.. fires.Where(fire => Math.Abs((fire - post.PostAt).TotalHours) < 12).Order()]));
                }

                verdict.Duplicates += Math.Max(0, calls.Count(call => call.Created) - 1);
                for (var c = 0; c < calls.Count; c++)
                {
                    if (calls[c].Kind == CallKind.Sent)
                    {
                        if (c + 1 < calls.Count)
                        {
                            verdict.ResendsAfterSuccess.Add(new Resend(check, calls[c].At, calls[c + 1].At));
                        }

                        break;
                    }
                }

                if (record is { State: DeliveryState.Sent } && message is null)
                {
                    verdict.PhantomSent.Add(record);
                }
            }
        }

        verdict.Unplanned.AddRange(simulation.Platform.Messages.Values.Where(message => !planned.Contains(message.IdempotencyKey)));
        return verdict;
    }

    /// <summary>Every post of a cohort's calendar whose instant falls in the run, in order.</summary>
    public static List<PlannedPost> PlannedPosts(StudyCalendar calendar, DateTimeOffset begin, DateTimeOffset end)
    {
        var zone = calendar.Cohort.TimeZone;
        var posts = new List<PlannedPost>();
        for (var date = StudyCalendar.LocalDate(begin, zone).AddDays(-1); date <= StudyCalendar.LocalDate(end, zone).AddDays(1); date = date.AddDays(1))
        {
            if (PostPlanner.PostOn(calendar, date) is { } post && post.PostAt >= begin && post.PostAt < end)
            {
                posts.Add(post);
            }
        }

        return posts;
    }

    private static (Requirement, DateTimeOffset?) RequirementOf(
        DeliverySimulation simulation, SimulatedCohort cohort, List<PlannedPost> posts, int index, TimeSpan window, TimeSpan tolerance)
    {
        var post = posts[index];
        if (post.PostAt >= simulation.End - window)
        {
            return (Requirement.Tail, null);
        }

        if (simulation.Uptime.IsUp(post.PostAt) && !IsPaused(cohort, post.PostAt))
        {
            return (Requirement.OnTime, null);
        }

        // Missed at its time: the first reconciliation round that reaches the cohort while it is active decides.
        var rounds = simulation.ReconcileRounds;
        var low = 0;
        var high = rounds.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = rounds[middle].At < post.PostAt ? (middle + 1, high) : (low, middle);
        }

        for (var r = low; r < rounds.Count && rounds[r].At - post.PostAt <= window; r++)
        {
            if (rounds[r].Reached(post.Cohort) && !IsPaused(cohort, rounds[r].At))
            {
                var at = rounds[r].At;
                var latest = posts.LastOrDefault(candidate => candidate.PostAt <= at + tolerance);
                return latest == post ? (Requirement.CatchUp, at) : (Requirement.NotRequired, at);
            }
        }

        return (Requirement.NotRequired, null);
    }

    private static Fate FateOf(DeliverySimulation simulation, PostCheck check, PlannedPost? next, TimeSpan window)
    {
        if (check.Message is not null)
        {
            return Fate.Delivered;
        }

        if (check.Requirement is Requirement.NotRequired or Requirement.Tail)
        {
            return Fate.NotSent;
        }

        if (check.Calls.Any(call => call.Kind == CallKind.PermanentFailure))
        {
            return Fate.PermanentFailure;
        }

        if (check.Record?.Reason?.StartsWith("gave up", StringComparison.Ordinal) == true)
        {
            return Fate.RetriesExhausted;
        }

        var failures = check.Calls.Where(call => call.Kind == CallKind.TransientFailure).ToList();
        if (failures.Count == 0)
        {
            return Fate.Missing;
        }

        // After the last failed try the post stays catchable until it is stale or a later post is due.
        var lastFailure = failures[^1].At;
        var deadline = check.Post.PostAt + window;
        deadline = next is not null && next.PostAt < deadline ? next.PostAt : deadline;
        var interrupted = simulation.Uptime.Between(lastFailure, deadline).Any()
            || (check.Cohort.PauseAt is { } pauseAt && pauseAt >= lastFailure && pauseAt < deadline);
        if (interrupted)
        {
            return Fate.DroppedAfterFailureAndOutage;
        }

        return check.Record?.Reason?.Contains("staleness window", StringComparison.Ordinal) == true ? Fate.StaleAfterFailure : Fate.Missing;
    }

    private static bool IsPaused(SimulatedCohort cohort, DateTimeOffset instant) =>
        cohort.PauseAt is { } pauseAt && instant >= pauseAt && (cohort.ResumeAt is not { } resumeAt || instant < resumeAt);
}
