using System.Text.RegularExpressions;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>One day line of an edition index such as 2022.md.</summary>
internal sealed record IndexEntry(int Day, string? Title, string? Topic, string LinkTarget, int Line);

/// <summary>
/// Reads the day lines of an index file (<c>- [✔️] ♾️ 2 > [Title](2022/Days/day02.md)</c>) and the <c>###</c> topic
/// headings they sit under. Lines may lack the number (the linked file name gives it), the title (<c>[]</c>), or
/// carry a speaker after the link (2024's flat list).
/// </summary>
internal static partial class EditionIndexParser
{
    public static List<IndexEntry> Parse(string normalizedText, Action<int, string> warn)
    {
        var entries = new List<IndexEntry>();
        string? topic = null;
        var lineNumber = 0;
        foreach (var range in normalizedText.AsSpan().Split('\n'))
        {
            lineNumber++;
            // Most lines of an index are prose: a line is only worth a regex when it can be a heading or a day line.
            var content = normalizedText.AsSpan(range);
            var mayBeHeading = content.TrimStart().StartsWith('#');
            if (!mayBeHeading && !content.Contains(".md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var line = normalizedText[range];
            var heading = mayBeHeading ? Heading().Match(line) : Match.Empty;
            if (heading.Success)
            {
                // Only ### headings name topics; a higher heading ("## Progress") closes the current topic.
                var level = heading.Groups["marks"].Length;
                if (level <= 3)
                {
                    var text = heading.Groups["text"].Value.Trim();
                    topic = level == 3 && text.Length > 0 ? text : null;
                }

                continue;
            }

            var dayLine = DayLine().Match(line);
            if (!dayLine.Success)
            {
                continue;
            }

            var fileDay = int.Parse(dayLine.Groups["fileday"].Value);
            var number = LeadingNumber().Match(dayLine.Groups["prefix"].Value);
            var day = number.Success ? int.Parse(number.Groups["day"].Value) : fileDay;
            if (day != fileDay)
            {
                warn(lineNumber, $"the line names day {day} but links to day{fileDay:00}.md; using day {day}");
            }

            var title = CleanTitle(dayLine.Groups["title"].Value);
            entries.Add(new IndexEntry(day, title, topic, dayLine.Groups["target"].Value, lineNumber));
        }

        return entries;
    }

    private static string? CleanTitle(string raw)
    {
        var title = raw.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return TitleCleaner.Clean(title);
    }

    [GeneratedRegex(@"^\s{0,3}(?<marks>#{1,6})(?:\s+(?<text>.*?))?\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*+]\s+(?<prefix>.*?)\[(?<title>[^\]]*)\]\(\s*<?(?<target>[^)\s>]*?day(?<fileday>\d{1,3})\.md)>?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex DayLine();

    [GeneratedRegex(@"(?<day>\d{1,3})\s*>?\s*$")]
    private static partial Regex LeadingNumber();
}
