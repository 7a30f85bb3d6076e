using System.Text.RegularExpressions;
using DevOps90.Bot.Content;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Slack;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DevOps90.Bot;

/// <summary>
/// Turns what stopped a start into lines a deployer can act on: the setting or path at fault and what to do, without
/// a stack trace (the full exception is logged at Debug level).
/// </summary>
internal static partial class StartupFailure
{
    // Values of these keys are never repeated in a message.
    private static readonly string[] _secretKeyParts = ["token", "secret", "password", "connectionstring", "key"];
    /// <param name="databasePath">The database file, when known, to name it in storage errors.</param>
    /// <param name="database">How the logs name the database (a PostgreSQL server without its password), when known.</param>
    public static IReadOnlyList<string> Describe(Exception exception, string? databasePath, string? database = null) => Unwrap(exception) switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        InvalidOperationException conversion when ConversionFailure().Match(conversion.Message) is { Success: true } match =>
            [Conversion(match.Groups["key"].Value, match.Groups["value"].Value, match.Groups["type"].Value)],
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } io =>
            [$"Urls: cannot listen on {AddressOf(io.Message)}: the address is in use (is the bot already running?). Choose a free port, e.g. --Urls=http://127.0.0.1:5091 or ASPNETCORE_URLS."],
        SqliteException sqlite => [Storage(sqlite, databasePath)],
        StorageInUseException inUse => [inUse.Message],
        NpgsqlException postgres => [$"Storage: cannot use the PostgreSQL database {database ?? "of Storage:ConnectionString"}: {FirstLine(postgres.Message)}. Check Storage:ConnectionString and that the server accepts this bot."],
        UnauthorizedAccessException denied => [$"Storage:DataDirectory: {denied.Message} The bot must be able to create and write its data folder; choose another with Storage:DataDirectory."],
        StartupSettingException setting => [setting.Message],
        var other => [$"{other.GetType().Name}: {FirstLine(other.Message)}"],
    };

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;

    private static string Conversion(string key, string value, string typeName)
    {
        var shown = _secretKeyParts.Any(part => key.Replace(":", "", StringComparison.Ordinal).Contains(part, StringComparison.OrdinalIgnoreCase)) ? "(hidden)" : $"'{value}'";
        // The types settings are converted to, named here rather than looked up by name across the loaded assemblies,
        // which a trimmed or Native AOT build cannot promise (and only on this failure path, so no adapter loads for it).
        Type[] settingTypes =
        [
            typeof(StorageProvider), typeof(ContentSourceKind), typeof(DiscordTransport), typeof(SlackTransport), typeof(TelemetryExporter),
            typeof(TimeSpan), typeof(bool), typeof(int), typeof(long),
        ];
        var type = settingTypes.FirstOrDefault(known => known.FullName == typeName);
        var expected = type switch
        {
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(TimeSpan) => "a duration such as 00:02:00 (hh:mm:ss) or 1.00:00:00 (days.hh:mm:ss)",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ => $"a {typeName}",
        };
        return $"{key}: {shown} is not valid here; expected {expected}.";
    }

    private static string Storage(SqliteException exception, string? path)
    {
        var file = path is null ? "the database" : $"'{path}'";
        return exception.SqliteErrorCode switch
        {
            26 => $"Storage: {file} is not a SQLite database (damaged, or another kind of file). Move it aside to start with a new one, or restore a backup; Storage:DataDirectory and Storage:FileName choose the file.",
            11 => $"Storage: {file} is damaged. Move it aside to start with a new one, or restore a backup; Storage:DataDirectory and Storage:FileName choose the file.",
            8 => $"Storage: {file} is read-only. The bot writes to the file and its folder: fix the permissions, or choose another folder with Storage:DataDirectory.",
            14 or 3 or 23 => $"Storage: cannot open {file}. Check that its folder exists and that the bot may read and write it (Storage:DataDirectory).",
            10 => $"Storage: reading or writing {file} failed (disk full, or a permission). Check the disk and the folder (Storage:DataDirectory).",
            5 or 6 => $"Storage: {file} is locked by another process. Stop the other process, or give this one its own Storage:DataDirectory.",
            _ => $"Storage: {file}: {FirstLine(exception.Message)}",
        };
    }

    private static string AddressOf(string message) => BindAddress().Match(message) is { Success: true } match ? match.Groups["address"].Value : "the configured address";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();

    [GeneratedRegex(@"address (?<address>\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindAddress();
}

/// <summary>A setting found wrong outside the options validators; its message names the key.</summary>
internal sealed class StartupSettingException(string message) : Exception(message);
