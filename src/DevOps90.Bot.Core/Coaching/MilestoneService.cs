using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Coaching;

/// <summary>What a check-in's milestone did.</summary>
public enum MilestoneStatus
{
    /// <summary>Not a milestone of the cohort, reached before, or the member opted out.</summary>
    None,
    Congratulated,

    /// <summary>Recorded, but the congratulation could not be posted (it is not tried again: at most once).</summary>
    NotPosted,
}

public sealed record MilestoneOutcome(MilestoneStatus Status, int Days = 0, RoleGrantOutcome? Role = null);

/// <summary>
/// Congratulates a member in the cohort's channel when a check-in brings their days done to one of the cohort's
/// milestones (7, 30, 60, 90 by default), once per milestone whatever restarts or instances (the store records it in
/// one conditional statement first), unless they opted out (<c>/milestones off</c>). Where the cohort names a
/// milestone role and the platform has roles (Discord), the member is given it; a role the platform refuses (a
/// missing Manage Roles permission, Discord's 50013, or a role above the bot's own) is noted once for <c>/status</c>
/// and not tried again while the cohort names that role. Slack has no roles: the congratulation only.
/// </summary>
public sealed class MilestoneService(IMilestoneStore store, IEnumerable<IChatPublisher> publishers, BotDefaults defaults, TimeProvider time)
{
    /// <summary>
    /// After a new check-in that brought the member's days done to <paramref name="daysDone"/>: the milestones below it
    /// that are not recorded were passed before (before milestones were switched on or changed, before this feature,
    /// or while the member had them off) and are recorded silently, so that none of them is congratulated late, all at
    /// once or after an undo; only the milestone this check-in reaches is congratulated, so the next ones still are.
    /// </summary>
    public async Task<MilestoneOutcome> AfterCheckInAsync(Cohort cohort, string memberId, int daysDone, CancellationToken cancellationToken = default)
    {
        if (cohort.Milestones.IsEmpty || cohort.Milestones.Min() > daysDone || await store.IsOptedOutAsync(memberId, cancellationToken).ConfigureAwait(false))
        {
            return new MilestoneOutcome(MilestoneStatus.None);
        }

        await RecordPassedAsync(cohort, memberId, daysDone, cancellationToken).ConfigureAwait(false);
        if (!cohort.Milestones.Contains(daysDone) || !await store.TryReachAsync(cohort.Id, memberId, daysDone, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return new MilestoneOutcome(MilestoneStatus.None);
        }

        if (publishers.FirstOrDefault(candidate => candidate.Platform == cohort.Target.Platform) is not { } publisher)
        {
            return new MilestoneOutcome(MilestoneStatus.NotPosted, daysDone);
        }

        // The group's language: everyone in the channel reads it.
        var text = LanguageChoice.TextFor(cohort.Language ?? defaults.Language, defaults.Language);
        var key = new DeliveryKey(cohort.Id, $"milestone-{daysDone}-{memberId}").IdempotencyKey;
        var posted = await PublishAsync(publisher, cohort.Target, Reply.Text(text.Line("Milestone.Congratulations", ReplySpan.Member(memberId), daysDone)), key, cancellationToken).ConfigureAwait(false);
        var role = await GiveRoleAsync(publisher, cohort, memberId, cancellationToken).ConfigureAwait(false);
        return new MilestoneOutcome(posted ? MilestoneStatus.Congratulated : MilestoneStatus.NotPosted, daysDone, role);
    }

    private async Task RecordPassedAsync(Cohort cohort, string memberId, int daysDone, CancellationToken cancellationToken)
    {
        var passed = cohort.Milestones.Where(days => days < daysDone).ToList();
        if (passed.Count == 0)
        {
            return;
        }

        var reached = await store.ReachedAsync(cohort.Id, memberId, cancellationToken).ConfigureAwait(false);
        foreach (var days in passed.Except(reached))
        {
            // A conditional insert: another instance recording the same one meanwhile is harmless.
            await store.TryReachAsync(cohort.Id, memberId, days, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> PublishAsync(IChatPublisher publisher, ChatTarget target, Reply reply, string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await publisher.PublishAsync(target, reply, key, null, cancellationToken).ConfigureAwait(false)).Outcome == PublishOutcome.Sent;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The check-in is recorded whatever the channel does.
            return false;
        }
    }

    private async Task<RoleGrantOutcome?> GiveRoleAsync(IChatPublisher publisher, Cohort cohort, string memberId, CancellationToken cancellationToken)
    {
        if (cohort.MilestoneRoleId is not { } role)
        {
            return null;
        }

        if (await store.RoleProblemAsync(cohort.Id, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            if (problem.RoleId == role)
            {
                // Reported to moderators once; asking again on every milestone would only fail again.
                return RoleGrantOutcome.Refused;
            }

            await store.ClearRoleProblemAsync(cohort.Id, cancellationToken).ConfigureAwait(false);
        }

        RoleGrantResult grant;
        try
        {
            grant = await publisher.GiveRoleAsync(cohort.Target, memberId, role, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            grant = new RoleGrantResult(RoleGrantOutcome.TransientFailure, exception.GetType().Name);
        }

        if (grant.Outcome == RoleGrantOutcome.Refused)
        {
            await store.NoteRoleProblemAsync(new MilestoneRoleProblem(cohort.Id, role, grant.Reason ?? "refused", time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return grant.Outcome;
    }
}
