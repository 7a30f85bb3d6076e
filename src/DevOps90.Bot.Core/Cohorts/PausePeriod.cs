namespace DevOps90.Bot.Core.Cohorts;

/// <summary>A stretch of dates on which a cohort did not study: from <see cref="From"/> up to, not including, <see cref="Until"/>.</summary>
public sealed record PausePeriod(DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly date) => date >= From && (Until is not { } until || date < until);
}
