namespace DevOps90.Bot.Core.Reminders;

/// <summary>How the periodic reminder round works through what is due.</summary>
public sealed record ReminderOptions
{
    /// <summary>Reminders read from the store at a time.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Reminders in flight at once: enough to keep the platform's rate limit busy while each private message takes two
    /// requests with their round trips (Discord: open the DM channel, then post), never more than the limit lets out.
    /// </summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>How long a claim holds a reminder before another instance may take it over (a crash mid-send).</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>When a reminder that failed for now (a timeout, a 5xx) is tried again, the same study day.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the reminders' ledger keeps its lines (a reminder is about one study day).</summary>
    public TimeSpan LedgerRetention { get; init; } = TimeSpan.FromDays(3);
}

/// <summary>The ledger reminders are claimed in: the daily posts' kind of ledger, in a table of its own.</summary>
public sealed record ReminderLedger(Delivery.IDeliveryLedger Ledger);
