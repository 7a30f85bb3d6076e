namespace DevOps90.Bot.Core.Commands;

/// <summary>What applies where no cohort says otherwise.</summary>
public sealed record BotDefaults(string CurriculumId, string Language, string TimeZoneId);
