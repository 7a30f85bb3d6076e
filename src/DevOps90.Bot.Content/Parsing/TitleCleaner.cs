using System.Text.RegularExpressions;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Strips what the upstream files wrap around a lesson title: the "#90DaysOfDevOps - " prefix and the day number in
/// its many spellings ("- Day 2", "- Jour 2", "- Día 2", "第七十一天", "Day 2: ").
/// </summary>
internal static partial class TitleCleaner
{
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var title = raw.Trim();
        title = HashtagPrefix().Replace(title, "");
        title = DaySuffix().Replace(title, "");
        title = DayPrefix().Replace(title, "");
        title = title.Trim().Trim('-', '–', '—', ':', '|').Trim();
        return title.Length == 0 ? null : title;
    }

    private const string DayWords = @"(?:day|jour|d[ií]a|tag|g[üu]n|dzie[nń]|ng[aà]y)";
    private const string ChineseDay = @"第[零〇一二两兩三四五六七八九十百0-9]+天";

    [GeneratedRegex(@"^#?\s*90\s*days\s*of\s*devops\s*(?:[-–—:|]\s*|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HashtagPrefix();

    [GeneratedRegex(@"\s*(?:[-–—:|,]\s*)?(?:" + DayWords + @"\s*\d{1,3}|" + ChineseDay + @"|\d{1,3}\s*(?:日目|일차|일째))\s*[.)]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DaySuffix();

    [GeneratedRegex(@"^(?:" + DayWords + @"\s*\d{1,3}|" + ChineseDay + @"|\d{1,3}\s*(?:日目|일차|일째))\s*(?:[-–—:：.|]\s*|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DayPrefix();
}
