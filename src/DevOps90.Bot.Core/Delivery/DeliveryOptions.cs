namespace DevOps90.Bot.Core.Delivery;

/// <summary>How hard the bot tries to deliver a daily post, and when it gives up.</summary>
public sealed record DeliveryOptions
{
    /// <summary>A post more overdue than this when the bot gets to it is recorded as skipped, not sent late.</summary>
    public TimeSpan StalenessWindow { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long a claim protects a post being sent; after that a crash is assumed and the post is retried.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one attempt may take, from the claim's look-up of an earlier attempt to the platform's answer (rate
    /// limit waits and the platform's own retries included): half the lease, so that a sender still working on a post
    /// is never taken to have crashed, whatever the other half loses to recording it and to clocks that disagree
    /// between instances. An attempt cut short is a transient failure, retried under the same idempotency key.
    /// </summary>
    public TimeSpan PublishTimeout => ClaimLease / 2;

    /// <summary>
    /// Posts being sent at once. Far more than the platforms let through (Discord's 50 requests a second with
    /// answers 300 ms away keeps about 15 in flight): their rate limiters set the pace, not this.
    /// </summary>
    public int MaxConcurrentSends { get; init; } = 100;

    /// <summary>Ledger writes (claims, outcomes) under way at once: they are short, and the store writes one at a time.</summary>
    public int MaxConcurrentLedgerWrites { get; init; } = 2;

    /// <summary>
    /// Ledger reads under way at once: each holds a database connection, and a hundred senders must not hold a
    /// hundred (on PostgreSQL, times the instances). A read takes a few milliseconds: eight serve hundreds a second.
    /// </summary>
    public int MaxConcurrentLedgerReads { get; init; } = 8;

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
