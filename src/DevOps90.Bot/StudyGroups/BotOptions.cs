using System.ComponentModel.DataAnnotations;

namespace DevOps90.Bot.StudyGroups;

/// <summary>The "Bot" section: what applies where no cohort says otherwise.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The language of replies when neither the cohort nor the member's locale decides ("en", "fr").</summary>
    [Required]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The IANA zone "today" is counted in outside a cohort.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Etc/UTC";
}
