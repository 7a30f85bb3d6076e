using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Participation;

/// <summary>The message a cohort's leaderboard lives in, and the channel it was posted to.</summary>
public sealed record LeaderboardMessageRef(CohortId Cohort, ChatTarget Target, string MessageId);

/// <summary>Where the leaderboard message of each cohort is remembered (storage implements it).</summary>
public interface ILeaderboardMessageStore
{
    Task<LeaderboardMessageRef?> FindAsync(CohortId cohort, CancellationToken cancellationToken = default);

    Task SaveAsync(LeaderboardMessageRef message, CancellationToken cancellationToken = default);
}

public enum LeaderboardMessageStatus
{
    /// <summary>The cohort does not keep a leaderboard message (or has no platform to post it).</summary>
    Off,
    Posted,
    Edited,

    /// <summary>Neither edited nor posted this time; the next daily post tries again.</summary>
    NotUpdated,
}

public sealed record LeaderboardMessageOutcome(LeaderboardMessageStatus Status, string? MessageId = null, string? Reason = null);

/// <summary>
/// One leaderboard message per cohort that wants it (<see cref="Cohort.LeaderboardMessage"/>), edited after each daily
/// post instead of members calling /leaderboard. A message that was deleted, or a channel that changed, gets a new
/// message, posted under a key derived from the one it replaces so that two instances refreshing at once post it once.
/// </summary>
public sealed class LeaderboardMessages(
    ICohortDirectory cohorts,
    ParticipationService participation,
    ILeaderboardMessageStore store,
    IEnumerable<IChatPublisher> publishers,
    BotDefaults defaults)
{
    public Task<LeaderboardMessageOutcome> AfterDeliveryAsync(DeliveryOutcome delivery, CancellationToken cancellationToken = default) =>
        delivery is { Status: DeliveryStatus.Sent, Key: { } key }
            ? RefreshAsync(key.Cohort, cancellationToken)
            : Task.FromResult(new LeaderboardMessageOutcome(LeaderboardMessageStatus.Off));

    /// <summary>
    /// After a member's data is deleted: every existing leaderboard message is rewritten without them (none is posted
    /// where there was none yet). Returns how many were edited.
    /// </summary>
    public async Task<int> RewriteExistingAsync(CancellationToken cancellationToken = default)
    {
        var edited = 0;
        foreach (var cohort in cohorts.All.Where(cohort => cohort.LeaderboardMessage))
        {
            var outcome = await UpdateAsync(cohort.Id, editOnly: true, cancellationToken).ConfigureAwait(false);
            edited += outcome.Status == LeaderboardMessageStatus.Edited ? 1 : 0;
        }

        return edited;
    }

    public Task<LeaderboardMessageOutcome> RefreshAsync(CohortId cohortId, CancellationToken cancellationToken = default) =>
        UpdateAsync(cohortId, editOnly: false, cancellationToken);

    private async Task<LeaderboardMessageOutcome> UpdateAsync(CohortId cohortId, bool editOnly, CancellationToken cancellationToken)
    {
        if (cohorts.Find(cohortId) is not { LeaderboardMessage: true } cohort
            || publishers.FirstOrDefault(candidate => candidate.Platform == cohort.Target.Platform) is not { } publisher)
        {
            return new LeaderboardMessageOutcome(LeaderboardMessageStatus.Off);
        }

        var text = LanguageChoice.TextFor(cohort.Language ?? defaults.Language, defaults.Language);
        var lines = await participation.LeaderboardAsync(cohort, LeaderboardPeriod.All, cancellationToken: cancellationToken).ConfigureAwait(false);
        var reply = LeaderboardCommand.Compose(text, LeaderboardPeriod.All, lines) with { Footer = text.Format("Leaderboard.Standing.Footer", CommandNames.Done), Language = text.Language };
        var existing = await store.FindAsync(cohort.Id, cancellationToken).ConfigureAwait(false);
        // A message in the channel the cohort has left is not its leaderboard any more.
        var current = existing?.Target == cohort.Target ? existing : null;
        if (editOnly && current is null)
        {
            return new LeaderboardMessageOutcome(LeaderboardMessageStatus.NotUpdated, Reason: "no leaderboard message to edit");
        }

        if (current is not null)
        {
            var edited = await publisher.EditAsync(cohort.Target, current.MessageId, reply, cancellationToken).ConfigureAwait(false);
            switch (edited.Outcome)
            {
                case PublishOutcome.Sent:
                    return new LeaderboardMessageOutcome(LeaderboardMessageStatus.Edited, current.MessageId);
                case PublishOutcome.TransientFailure:
                    return new LeaderboardMessageOutcome(LeaderboardMessageStatus.NotUpdated, current.MessageId, edited.Reason);
                default:
                    break; // Gone or not editable: post a new one.
            }
        }

        var key = new DeliveryKey(cohort.Id, "leaderboard-after-" + (existing?.MessageId ?? "none")).IdempotencyKey;
        var posted = await publisher.PublishAsync(cohort.Target, reply, key, mentionRoleId: null, cancellationToken).ConfigureAwait(false);
        if (posted is not { Outcome: PublishOutcome.Sent, MessageId: { } messageId })
        {
            return new LeaderboardMessageOutcome(LeaderboardMessageStatus.NotUpdated, Reason: posted.Reason);
        }

        await store.SaveAsync(new LeaderboardMessageRef(cohort.Id, cohort.Target, messageId), cancellationToken).ConfigureAwait(false);
        return new LeaderboardMessageOutcome(LeaderboardMessageStatus.Posted, messageId);
    }
}
