using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// One Quartz job and cron trigger per cohort, at its local post time in its own time zone (so daylight saving never
/// moves it). A paused or finished cohort, or one that is gone, has none.
/// </summary>
internal sealed class CohortSchedules(ISchedulerFactory schedulers, ICohortDirectory cohorts, DailyPostService delivery, TimeProvider time)
{
    public const string Group = "daily-posts";

    public static TriggerKey TriggerKeyOf(CohortId id) => new(id.Value, Group);

    public static string CronOf(Cohort cohort) =>
        string.Create(CultureInfo.InvariantCulture, $"{cohort.PostTime.Second} {cohort.PostTime.Minute} {cohort.PostTime.Hour} * * ?");

    /// <summary>Brings one cohort's trigger in line with the cohort; does nothing when it already is.</summary>
    public async Task ApplyAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var jobKey = new JobKey(id.Value, Group);
        var cohort = cohorts.Find(id);
        if (cohort is null || !HasPostsAhead(cohort))
        {
            await scheduler.DeleteJob(jobKey, cancellationToken).ConfigureAwait(false);
            return;
        }

        var cron = CronOf(cohort);
        if (await scheduler.GetTrigger(TriggerKeyOf(id), cancellationToken).ConfigureAwait(false) is ICronTrigger current
            && current.CronExpressionString == cron
            && current.TimeZone.Id == cohort.TimeZoneId
            && current.MisfireInstructionCode == (int)CronTriggerMisfireInstruction.FireAndProceed)
        {
            return;
        }

        var job = JobBuilder.Create<DailyPostJob>()
            .WithIdentity(jobKey)
            .UsingJobData(DailyPostJob.CohortKey, id.Value)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(id))
            .ForJob(jobKey)
            // From the bot's own clock, as every other decision about time is.
            .StartAt(time.GetUtcNow())
            // A fire that Quartz could not start in time (every thread busy, a minute with thousands of cohorts due, the
            // bot down at the post time) still happens, once, as soon as it can: the delivery service sends only the
            // latest due post and records one past the staleness window as skipped, so a late fire never floods.
            .WithCronSchedule(cron, schedule => schedule.InTimeZone(cohort.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a fire: deletes the cohort's job once nothing is left to post (that was its closing post, or it was paused
    /// or removed meanwhile); otherwise touches nothing. A fire then costs the store no round trip, which matters in a
    /// minute when thousands fire: the trigger already matches the cohort, since every change reschedules it at once.
    /// </summary>
    public async Task RetireIfFinishedAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        if (cohorts.Find(id) is { } cohort && HasPostsAhead(cohort))
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(new JobKey(id.Value, Group), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every active cohort's trigger, and none for the others: the store keeps the triggers of earlier runs.</summary>
    public async Task ApplyAllAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var active = cohorts.All.Select(cohort => cohort.Id.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false))
        {
            if (!active.Contains(stale.Name))
            {
                await scheduler.DeleteJob(stale, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var cohort in cohorts.All)
        {
            await ApplyAsync(cohort.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool HasPostsAhead(Cohort cohort) =>
        !cohort.IsPaused && delivery.CalendarFor(cohort) is { } calendar && PostPlanner.NextPostAfter(calendar, time.GetUtcNow()) is not null;
}
