using System.ComponentModel.DataAnnotations;
using DevOps90.Bot.Core;

namespace DevOps90.Bot.Storage;

public enum StorageProvider
{
    /// <summary>A file beside the bot: the default, for one bot process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Storage:ConnectionString), which any number of bot processes may share.</summary>
    Postgres,
}

/// <summary>The "Storage" section: where the bot keeps its state.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The folder of the SQLite file. Empty: the user's data folder (~/.local/share/devops90-bot on Linux), which
    /// neither a rebuild nor a clean of the build output touches. A relative path is taken from the current directory.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    [Required]
    public string FileName { get; set; } = "devops90-bot.db";

    /// <summary>
    /// How long an archived or retired cohort's data (check-ins, delivery history) is kept before it is deleted.
    /// </summary>
    [TimeSpanRange("00:00:00", "3650.00:00:00")]
    public TimeSpan InactiveCohortRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// SQLite: a full connection string, used instead of DataDirectory and FileName when set. PostgreSQL (required):
    /// Npgsql's, e.g. "Host=db;Database=devops90;Username=bot;Password=…"; with a password it is a secret.
    /// </summary>
    public string? ConnectionString { get; set; }
}
