namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// Streaks count lesson days, not calendar days: a weekday cohort's weekend or a skipped holiday has no lesson day, so
/// it cannot break a streak.
/// </summary>
public static class Streaks
{
    /// <summary>
    /// Consecutive days done ending at <paramref name="currentDay"/> if it is done, else at the day before it (today's
    /// lesson can still be done today, so not having done it yet breaks nothing).
    /// </summary>
    public static int Current(IReadOnlySet<int> done, int currentDay)
    {
        var day = done.Contains(currentDay) ? currentDay : currentDay - 1;
        var streak = 0;
        while (day >= 1 && done.Contains(day))
        {
            streak++;
            day--;
        }

        return streak;
    }

    public static int Longest(IReadOnlySet<int> done)
    {
        var longest = 0;
        foreach (var day in done)
        {
            if (done.Contains(day - 1))
            {
                continue;
            }

            var length = 1;
            while (done.Contains(day + length))
            {
                length++;
            }

            longest = Math.Max(longest, length);
        }

        return longest;
    }
}
