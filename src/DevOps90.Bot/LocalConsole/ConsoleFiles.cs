using System.Globalization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.LocalConsole;

/// <summary>
/// Where the console puts the files a reply carries (CSV exports, charts): a folder, relative to the current directory
/// unless absolute, so the person at the console finds them beside where they started the bot.
/// </summary>
public sealed class ConsoleFiles(string folder)
{
    public const string SettingKey = "Console:FilesDirectory";

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Writes each attachment (replacing an older file of the same name) and returns the full paths, in order.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        if (reply.Attachments.IsEmpty)
        {
            return [];
        }

        Directory.CreateDirectory(Folder);
        var paths = new List<string>(reply.Attachments.Length);
        foreach (var attachment in reply.Attachments)
        {
            // The name comes from the bot, but a cohort id is part of it: keep it a single plain file name regardless.
            var path = Path.Combine(Folder, Path.GetFileName(attachment.FileName));
            await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>"12.3 kB" style sizes for the line that says where a file went.</summary>
    public static string Size(long bytes, CultureInfo culture) => bytes switch
    {
        < 1_000 => string.Format(culture, "{0} B", bytes),
        < 1_000_000 => string.Format(culture, "{0:0.#} kB", bytes / 1_000d),
        _ => string.Format(culture, "{0:0.#} MB", bytes / 1_000_000d),
    };
}
