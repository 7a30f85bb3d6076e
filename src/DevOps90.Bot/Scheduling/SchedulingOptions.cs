using System.ComponentModel.DataAnnotations;
using DevOps90.Bot.Core;
using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Scheduling;

/// <summary>The "Scheduling" section: when daily posts are caught up, retried or given up.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>A post missed by more than this (the bot was down) is recorded as skipped instead of sent late.</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan StalenessWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often reminders that are due are looked for and sent (every instance does; the ledger keeps one a day).</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reminders in flight at once per instance (each a private message of two requests on Discord).</summary>
    [Range(1, 1000)]
    public int ReminderConcurrency { get; set; } = 64;

    /// <summary>How often every cohort is checked for a missing post, besides once at start.</summary>
    [TimeSpanRange("00:00:05", "1.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a claimed post is protected before it is taken to be lost in a crash and sent again.</summary>
    [TimeSpanRange("00:00:10", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Daily posts being sent at once; the platforms' rate limits set the pace well below it (see
    /// <see cref="DeliveryOptions.MaxConcurrentSends"/>).
    /// </summary>
    [Range(1, 1000)]
    public int MaxConcurrentSends { get; set; } = 100;

    public DeliveryOptions ToDeliveryOptions() => new()
    {
        StalenessWindow = StalenessWindow,
        ClaimLease = ClaimLease,
        MaxAttempts = MaxAttempts,
        MaxConcurrentSends = MaxConcurrentSends,
    };
}
