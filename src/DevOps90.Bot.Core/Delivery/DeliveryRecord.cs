namespace DevOps90.Bot.Core.Delivery;

public enum DeliveryState
{
    /// <summary>An instance took the post and is sending it (or crashed doing so: the lease tells).</summary>
    Claimed,

    Sent,

    /// <summary>Not sent; <see cref="DeliveryRecord.IsPermanent"/> says whether it will be tried again.</summary>
    Failed,

    /// <summary>Deliberately not sent (too old when the bot came back).</summary>
    Skipped,
}

/// <summary>One line of the delivery ledger.</summary>
public sealed record DeliveryRecord(
    DeliveryKey Key,
    DeliveryState State,
    DateTimeOffset ScheduledAt,
    DateTimeOffset UpdatedAt,
    int Attempts,
    string? MessageId = null,
    string? Reason = null,
    bool IsPermanent = false,
    DateTimeOffset? NextAttemptAt = null)
{
    /// <summary>
    /// The discussion thread the post opened (<see cref="Cohorts.Cohort.Threads"/>): recorded once, so that no restart
    /// or other instance opens a second one.
    /// </summary>
    public string? ThreadId { get; init; }
}

public enum ClaimOutcome
{
    /// <summary>This instance holds the post now and must send it (first time, or again after a crash or a transient failure).</summary>
    Claimed,

    /// <summary>Sent, skipped or failed for good: nothing to do.</summary>
    Settled,

    /// <summary>Another instance holds a live claim, or a retry is not due yet.</summary>
    Busy,
}

public sealed record ClaimResult(ClaimOutcome Outcome, DeliveryRecord Record);
