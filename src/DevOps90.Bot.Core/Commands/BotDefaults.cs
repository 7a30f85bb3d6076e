namespace DevOps90.Bot.Core.Commands;

/// <summary>What applies where no cohort says otherwise.</summary>
/// <param name="InactiveCohortRetention">How long an archived or retired cohort's data is kept (Storage settings).</param>
public sealed record BotDefaults(string CurriculumId, string Language, string TimeZoneId, TimeSpan? InactiveCohortRetention = null)
{
    public TimeSpan Retention => InactiveCohortRetention ?? TimeSpan.FromDays(180);
}
