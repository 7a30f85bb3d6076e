namespace DevOps90.Bot.Core.Delivery;

/// <summary>How hard the bot tries to deliver a daily post, and when it gives up.</summary>
public sealed record DeliveryOptions
{
    /// <summary>A post more overdue than this when the bot gets to it is recorded as skipped, not sent late.</summary>
    public TimeSpan StalenessWindow { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long a claim protects a post being sent; after that a crash is assumed and the post is retried.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first transient failure; it doubles after each one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts before a transient failure is treated as permanent.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>A scheduler firing this much early still counts as on time.</summary>
    public TimeSpan EarlyFireTolerance { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryDelayAfter(int attempts)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
