namespace DevOps90.Bot.Core.Delivery;

public enum DeliveryStatus
{
    Sent,

    /// <summary>No post is due for the cohort now (a rest day, paused, finished, or not yet time).</summary>
    NothingDue,

    /// <summary>The due post was already sent, skipped, or failed for good.</summary>
    AlreadySettled,

    /// <summary>Another instance is sending it, or its retry is not due yet.</summary>
    Busy,

    /// <summary>The due post was too old to send and is recorded as skipped.</summary>
    SkippedAsStale,

    /// <summary>Sending failed for now; it will be tried again.</summary>
    WillRetry,

    /// <summary>Sending failed for good; moderators see it in /status.</summary>
    Failed,

    /// <summary>The cohort or its curriculum does not exist (any more).</summary>
    NoSuchCohort,
}

/// <summary>What one delivery attempt did, for the caller to log.</summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, DeliveryKey? Key = null, string? Detail = null);
