using System.ComponentModel.DataAnnotations;

namespace DevOps90.Bot.Storage;

public enum StorageProvider
{
    Sqlite,
}

/// <summary>The "Storage" section: where the bot keeps its state.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The folder of the SQLite file; relative paths are taken from the application folder.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    public string FileName { get; set; } = "devops90-bot.db";

    /// <summary>
    /// How long an archived or retired cohort's data (check-ins, delivery history) is kept before it is deleted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan InactiveCohortRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>A full connection string, used instead of DataDirectory and FileName when set.</summary>
    public string? ConnectionString { get; set; }
}
