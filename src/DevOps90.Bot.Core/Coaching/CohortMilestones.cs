using System.Collections.Immutable;
using System.Globalization;

namespace DevOps90.Bot.Core.Coaching;

/// <summary>A cohort's milestones as moderators type them: "7,30,60,90", or "none" for no milestones.</summary>
public static class CohortMilestones
{
    /// <summary>More would turn congratulations into noise.</summary>
    public const int MaxCount = 10;

    public static bool TryParse(string typed, out ImmutableArray<int> milestones)
    {
        milestones = [];
        var text = typed.Trim();
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var days = new SortedSet<int>();
        foreach (var part in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 1000)
            {
                return false;
            }

            days.Add(day);
        }

        if (days.Count is 0 or > MaxCount)
        {
            return false;
        }

        milestones = [.. days];
        return true;
    }

    public static string ToText(ImmutableArray<int> milestones) =>
        string.Join(", ", milestones.Select(day => day.ToString(CultureInfo.InvariantCulture)));
}
