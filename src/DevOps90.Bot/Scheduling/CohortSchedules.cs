using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// One Quartz job and cron trigger per post slot (a local time in a time zone, so daylight saving never moves it)
/// that some active cohort posts at, whose fire hands every cohort of the slot to the dispatcher: ten thousand cohorts
/// at 18:00 in Paris are one trigger, fired once, not ten thousand fires each costing the clustered store a round of
/// transactions. A slot's trigger is named after the slot and built from the name alone, so the schedules are brought
/// in line by comparing names: one read of the group's keys, then a write only for a slot that came or went.
/// </summary>
internal sealed class CohortSchedules(ISchedulerFactory schedulers, ICohortDirectory cohorts, DailyPostService delivery, TimeProvider time)
{
    public const string Group = "daily-post-slots";

    /// <summary>The group of the one-trigger-per-cohort schedules of earlier versions, removed at start.</summary>
    public const string EarlierGroup = "daily-posts";

    public static TriggerKey TriggerKeyOf(PostSlot slot) => new(slot.Name, Group);

    public static string CronOf(PostSlot slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{slot.LocalTime.Second} {slot.LocalTime.Minute} {slot.LocalTime.Hour} * * ?");

    /// <summary>What <see cref="SyncAsync"/> changed.</summary>
    public sealed record Changes(int Slots, int Added, int Removed);

    /// <summary>
    /// A trigger for every slot an active cohort posts at, and none for the others, written only where the store
    /// differs: a start or a change that alters no slot writes nothing.
    /// </summary>
    public async Task<Changes> SyncAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var wanted = cohorts.All.Where(HasPostsAhead).Select(PostSlot.Of).Distinct().ToDictionary(slot => slot.Name, StringComparer.Ordinal);
        var present = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false))
            .Select(key => key.Name)
            .ToHashSet(StringComparer.Ordinal);
        var stale = present.Where(name => !wanted.ContainsKey(name)).Select(name => new JobKey(name, Group)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.DeleteJobs(stale, cancellationToken).ConfigureAwait(false);
        }

        var added = 0;
        foreach (var (name, slot) in wanted)
        {
            if (!present.Contains(name))
            {
                await ScheduleAsync(scheduler, slot, cancellationToken).ConfigureAwait(false);
                added++;
            }
        }

        return new Changes(wanted.Count, added, stale.Count);
    }

    /// <summary>At start: the schedules of earlier versions (one per cohort) go; this version's slots replace them.</summary>
    public async Task RemoveEarlierSchedulesAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var earlier = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(EarlierGroup), cancellationToken).ConfigureAwait(false);
        if (earlier.Count > 0)
        {
            await scheduler.DeleteJobs([.. earlier], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a fire: deletes the slot's job once none of its cohorts has a post ahead (that was their closing post, or
    /// they were paused or moved meanwhile); otherwise touches nothing, so a fire costs the store no round trip. An
    /// instance that took a cohort's move for a slot's end puts the trigger back when it hears of the move.
    /// </summary>
    public async Task RetireIfEmptyAsync(PostSlot slot, CancellationToken cancellationToken = default)
    {
        if (cohorts.All.Any(cohort => slot.Holds(cohort) && HasPostsAhead(cohort)))
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(new JobKey(slot.Name, Group), cancellationToken).ConfigureAwait(false);
    }

    private async Task ScheduleAsync(IScheduler scheduler, PostSlot slot, CancellationToken cancellationToken)
    {
        var jobKey = new JobKey(slot.Name, Group);
        var job = JobBuilder.Create<DailyPostJob>()
            .WithIdentity(jobKey)
            .UsingJobData(DailyPostJob.SlotKey, slot.Name)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(slot))
            .ForJob(jobKey)
            // From the bot's own clock, as every other decision about time is.
            .StartAt(time.GetUtcNow())
            // A fire that Quartz could not start in time (the bot down at the post time, a busy store) still happens,
            // once, as soon as it can: the delivery service sends only the latest due post of each cohort, the ledger
            // once, and records one past the staleness window as skipped, so a late fire never floods.
            .WithCronSchedule(CronOf(slot), schedule => schedule
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(slot.TimeZoneId))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        // Replace: two instances that both found the slot missing write the same trigger; the second wins unharmed.
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    private bool HasPostsAhead(Cohort cohort) =>
        !cohort.IsPaused && delivery.CalendarFor(cohort) is { } calendar && PostPlanner.NextPostAfter(calendar, time.GetUtcNow()) is not null;
}
