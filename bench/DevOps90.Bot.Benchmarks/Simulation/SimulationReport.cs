using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>Prints the figures of a run, then examples of anything wrong (and of the expected losses) to start from.</summary>
internal static class SimulationReport
{
    public static void Print(TextWriter output, SimulationOptions options, DeliverySimulation simulation, SimulationVerdict verdict)
    {
        var line = (FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
        var cohorts = simulation.Cohorts.Select(cohort => cohort.Configured).ToList();
        var posts = verdict.Posts;
        var platform = simulation.Platform;
        var calls = platform.Calls.Values.SelectMany(list => list).ToList();
        var outages = simulation.Uptime.Outages;

        line($"window: {simulation.Begin:yyyy-MM-dd HH:mm} -> {simulation.End:yyyy-MM-dd HH:mm} UTC");
        line($"cohorts: {cohorts.Count} in {cohorts.Select(cohort => cohort.TimeZoneId).Distinct().Count()} zones; daily {cohorts.Count(c => c.Cadence == Cadence.Daily)}, weekdays {cohorts.Count(c => c.Cadence == Cadence.Weekdays)}, mon,wed,fri {cohorts.Count(c => c.Cadence != Cadence.Daily && c.Cadence != Cadence.Weekdays)}; morning {cohorts.Count(c => c.PostTiming == PostTiming.SameDay)}; posting at 02:30 {cohorts.Count(c => c.PostTime == new TimeOnly(2, 30))}; with skipped dates {cohorts.Count(c => !c.SkippedDates.IsEmpty)}; paused {simulation.Cohorts.Count(c => c.PauseAt is not null)} (resumed {simulation.Cohorts.Count(c => c.ResumeAt is not null)})");
        line($"bot: {outages.Count(o => o.Planned)} planned outages ({Outage.Format(TimeSpan.FromTicks(outages.Where(o => o.Planned).Sum(o => o.Length.Ticks)))} down, longest {Outage.Format(outages.Select(o => o.Length).DefaultIfEmpty().Max())}), {simulation.Crashes} crashes or stops while the platform answered a post, {simulation.Restarts} restarts (new service instance and owner each; {simulation.FailedStarts} of them failed before the host had started)");
        line($"work: {simulation.Fires} cron fires ({simulation.FiresWhileDown} while down), {simulation.ReconcileRounds.Count} reconciliation rounds, outcomes {string.Join(", ", simulation.Outcomes.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}"))}");
        line($"platform: {calls.Count} calls, {platform.Creations} messages created, {platform.Repeats} repeats deduplicated on the idempotency key ({platform.RepeatsBeyondNonceWindow} of them more than {SimulatedPlatform.DiscordNonceWindow.TotalMinutes:0} min after the original, the longest {Outage.Format(platform.LongestRepeatDelay)})");

        var required = posts.Where(post => post.Requirement is Requirement.OnTime or Requirement.CatchUp).ToList();
        var onTime = posts.Where(post => post.Requirement == Requirement.OnTime && post.Message is not null)
            .Select(post => (post.Message!.CreatedAt - post.Post.PostAt).TotalSeconds).Order().ToList();
        line($"posts planned: {posts.Count}; required {required.Count} ({posts.Count(p => p.Requirement == Requirement.OnTime)} on time, {posts.Count(p => p.Requirement == Requirement.CatchUp)} to catch up), not required {posts.Count(p => p.Requirement == Requirement.NotRequired)}, last 12 h not judged {posts.Count(p => p.Requirement == Requirement.Tail)}");
        line($"  fate of the required: {string.Join(", ", required.GroupBy(p => p.Fate).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; sent though not required: {posts.Count(p => p.Message is not null && p.Requirement == Requirement.NotRequired)}");
        line($"  posts sent: {platform.Creations} ({posts.Count(p => p.Message is not null && p.Requirement == Requirement.OnTime)} on time: delay p50 {Percentile(onTime, 0.5):0} s, p99 {Percentile(onTime, 0.99):0} s, max {Outage.Format(TimeSpan.FromSeconds(onTime.DefaultIfEmpty().Max()))}; {onTime.Count(delay => delay > 60)} later than 1 min)");
        // Created after its time by a later round: not those whose own send crashed the bot (created on time).
        line($"  catch-up posts sent after outages or a resume: {posts.Count(p => p.Message is { } message && p.Requirement is Requirement.CatchUp or Requirement.NotRequired && message.CreatedAt > p.Post.PostAt + simulation.DeliveryOptions.EarlyFireTolerance)}");
        line($"  skipped as stale: {verdict.Ledger.Count(r => r.State == DeliveryState.Skipped)} (ledger 'skipped'), plus {verdict.Ledger.Count(r => r.State == DeliveryState.Failed && r.Reason?.Contains("staleness", StringComparison.Ordinal) == true)} failed as stale after an earlier try");
        line($"  not required and not sent (missed in an outage, not the latest or too old): {posts.Count(p => p.Fate == Fate.NotSent && p.Requirement == Requirement.NotRequired)}");
        var transient = calls.Count(call => call.Kind == CallKind.TransientFailure);
        var lost = calls.Count(call => call.Kind == CallKind.LostResponse);
        var retriedKeys = platform.Calls.Where(pair => pair.Value.Any(call => call.Kind is CallKind.TransientFailure or CallKind.LostResponse)).ToList();
        line($"  transient failures: {transient} failed calls + {lost} lost responses, on {retriedKeys.Count} posts, {retriedKeys.Count(pair => platform.Messages.ContainsKey(pair.Key))} of them on the platform in the end");
        line($"  permanent failures (injected, expected): {calls.Count(call => call.Kind == CallKind.PermanentFailure)}; retries exhausted: {posts.Count(p => p.Fate == Fate.RetriesExhausted)}");
        line($"  required but dropped by design after a failed try: {posts.Count(p => p.Fate == Fate.DroppedAfterFailureAndOutage)} (an outage or pause came before the retry), {posts.Count(p => p.Fate == Fate.StaleAfterFailure)} (the retry came after the staleness window)");
        line($"ledger: {verdict.Ledger.Count} lines, {string.Join(", ", verdict.Ledger.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; on the platform but not 'sent' in the ledger: {posts.Count(p => p.Message is not null && p.Record?.State != DeliveryState.Sent)}");
        line($"cron fires on another instant than the planner's post time: {verdict.CronMismatches.Count}; local dates with two cron fires: {verdict.CronDoubleFires}");
        line($"wall time: {simulation.WallTime.TotalSeconds:0.0} s for the simulation ({posts.Count / Math.Max(1, simulation.WallTime.TotalSeconds):0} planned posts/s)");

        var missing = verdict.Missing.ToList();
        line($"RESULT: duplicates {verdict.Duplicates}, re-sent after a reported success {verdict.ResendsAfterSuccess.Count}, missing {missing.Count}, ledger 'sent' without a message {verdict.PhantomSent.Count}, unplanned messages {verdict.Unplanned.Count} -> {(verdict.Passed ? "PASS" : "FAIL")}");

        Examples(output, options, simulation, "MISSING (required, never posted)", missing);
        Examples(output, options, simulation, "RE-SENT after a reported success", verdict.ResendsAfterSuccess.Select(resend => resend.Post));
        foreach (var record in verdict.PhantomSent.Take(options.Examples))
        {
            line($"LEDGER SENT WITHOUT MESSAGE: {record}");
        }

        foreach (var message in verdict.Unplanned.Take(options.Examples))
        {
            line($"UNPLANNED MESSAGE (no version of its cohort's calendar plans it): {message}");
        }

        Examples(output, options, simulation, "cron fire differs from the planned instant", verdict.CronMismatches.Select(mismatch => mismatch.Post), 3);
        foreach (var (post, fires) in verdict.CronMismatches.Take(3))
        {
            line($"    {post.Key}: planned {post.Post.PostAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, cron fires near it: {string.Join(", ", fires.Select(fire => fire.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"))}");
        }

        Examples(output, options, simulation, $"repeated more than {SimulatedPlatform.DiscordNonceWindow.TotalMinutes:0} min after the message was created (deduplicated here; Discord may not)",
            posts.Where(p => p.Message is { } message && p.Calls.Any(call => call.Accepted && !call.Created && call.At - message.CreatedAt > SimulatedPlatform.DiscordNonceWindow)), 3);
        Examples(output, options, simulation, "on the platform, but not 'sent' in the ledger", posts.Where(p => p.Message is not null && p.Record?.State != DeliveryState.Sent), 3);
        Examples(output, options, simulation, "sent though not required", posts.Where(p => p.Message is not null && p.Requirement == Requirement.NotRequired), 3);
        Examples(output, options, simulation, "dropped by design after a failed try", posts.Where(p => p.Fate is Fate.DroppedAfterFailureAndOutage or Fate.StaleAfterFailure), 3);
    }

    private static void Examples(TextWriter output, SimulationOptions options, DeliverySimulation simulation, string title, IEnumerable<PostCheck> checks, int? limit = null)
    {
        var list = checks.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine($"{title}: {list.Count}, examples:");
        foreach (var check in list.Take(limit ?? options.Examples))
        {
            var zone = check.Final.TimeZone;
            var local = TimeZoneInfo.ConvertTime(check.Post.PostAt, zone);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {check.Key} of {SimulatedCohorts.Describe(check.Final)}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    due {check.Post.PostDate:yyyy-MM-dd ddd} {local:HH:mm:ss zzz} = {check.Post.PostAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; {check.Requirement}{(check.CatchUpAt is { } at ? $" (first round after it {at.UtcDateTime:MM-dd HH:mm:ss})" : "")}; {check.Fate}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    ledger: {(check.Record is { } record ? $"{record.State}, {record.Attempts} attempts, updated {record.UpdatedAt.UtcDateTime:MM-dd HH:mm:ss}, {record.Reason}" : "no line")}; message: {(check.Message is { } message ? $"{message.Id} at {message.CreatedAt.UtcDateTime:MM-dd HH:mm:ss}" : "none")}"));
            output.WriteLine($"    calls: {(check.Calls.Count == 0 ? "none" : string.Join(", ", check.Calls.Select(call => string.Create(CultureInfo.InvariantCulture, $"{call.At.UtcDateTime:MM-dd HH:mm:ss} {call.Kind}{(call.Created ? " (created)" : "")}"))))}");
            var around = simulation.Uptime.Between(check.Post.PostAt.AddHours(-6), check.Post.PostAt.AddDays(1))
                .OrderBy(outage => Math.Abs((outage.From - check.Post.PostAt).Ticks)).Take(4).OrderBy(outage => outage.From).ToList();
            output.WriteLine($"    bot from 6 h before to 1 day after (nearest 4 outages): {(around.Count == 0 ? "up throughout" : string.Join("; ", around))}");
            if (check.Cohort.PauseAt is { } pauseAt)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    paused at {pauseAt.UtcDateTime:MM-dd HH:mm:ss} UTC, resumed {check.Cohort.ResumeAt?.UtcDateTime.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never"}"));
            }
        }
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
