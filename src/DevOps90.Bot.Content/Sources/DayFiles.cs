using System.Text.RegularExpressions;

namespace DevOps90.Bot.Content.Sources;

/// <summary>The one rule for what a lesson file is called: dayNN.md (two digits; day 91 exists, so three are accepted).</summary>
internal static partial class DayFiles
{
    public static bool TryGetDay(string fileName, out int day)
    {
        var match = DayFileName().Match(fileName);
        day = match.Success ? int.Parse(match.Groups["day"].Value) : 0;
        return match.Success && day > 0;
    }

    public static IEnumerable<(int Day, string Path)> In(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.md"))
        {
            if (TryGetDay(Path.GetFileName(path), out var day))
            {
                yield return (day, path);
            }
        }
    }

    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"^day(?<day>\d{2,3})\.md$", RegexOptions.IgnoreCase)]
    private static partial Regex DayFileName();
}
