namespace DevOps90.Bot.Cli;

internal static class DayRanges
{
    /// <summary>[1,2,3,7,9,10] -> "1-3,7,9-10"; empty -> "-".</summary>
    public static string Format(IReadOnlyList<int> sortedDays)
    {
        if (sortedDays.Count == 0)
        {
            return "-";
        }

        var parts = new List<string>();
        var start = sortedDays[0];
        var previous = start;
        foreach (var day in sortedDays.Skip(1).Append(int.MinValue))
        {
            if (day == previous + 1)
            {
                previous = day;
                continue;
            }

            parts.Add(start == previous ? $"{start}" : $"{start}-{previous}");
            start = previous = day;
        }

        return string.Join(',', parts);
    }
}
