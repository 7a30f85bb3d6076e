using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// How a cohort forgives missed days: a member earns one freeze per <see cref="FreezeEvery"/> days done and holds at
/// most <see cref="FreezeMax"/>; a missed lesson day consumes a held freeze instead of breaking the streak.
/// <see cref="None"/> (0 and 0): every missed day breaks it.
/// </summary>
public readonly record struct StreakRules(int FreezeEvery, int FreezeMax)
{
    public const int DefaultFreezeEvery = 7;
    public const int DefaultFreezeMax = 2;

    public static StreakRules None => new(0, 0);

    public bool HasFreezes => FreezeEvery > 0 && FreezeMax > 0;

    public static StreakRules Of(Cohort cohort) => new(cohort.FreezeEvery, cohort.FreezeMax);
}

/// <summary>
/// A member's streaks seen on a lesson day: the current one, the longest, the freezes held then, and the lesson days
/// a freeze was used for (in order).
/// </summary>
public sealed record StreakHistory(int Current, int Longest, int FreezesHeld, ImmutableArray<int> FreezesUsed);

/// <summary>
/// Streaks count lesson days, not calendar days: a weekday cohort's weekend or a skipped holiday has no lesson day, so
/// it cannot break a streak. Freezes are not stored: they follow from the days done, the day reached and the
/// cohort's rules, so /progress, the leaderboards, the web page and reminders all agree (a late check-in rewrites
/// history the same way for everyone). A frozen day keeps the streak without adding to it.
/// </summary>
public static class Streaks
{
    /// <summary>
    /// Walks lesson days from 1. Days before <paramref name="currentDay"/> are closed: missed, they use a freeze or
    /// break the streak. <paramref name="currentDay"/> itself counts if done, and breaks nothing if not (today's lesson
    /// can still be done today). Days after it only matter to the longest streak.
    /// </summary>
    public static StreakHistory Walk(IReadOnlySet<int> done, int currentDay, StreakRules rules)
    {
        var last = Math.Max(currentDay, done.Count == 0 ? 0 : done.Max());
        int run = 0, longest = 0, held = 0, doneSoFar = 0, current = 0, heldThen = 0;
        var used = ImmutableArray.CreateBuilder<int>();
        for (var day = 1; day <= last; day++)
        {
            if (done.Contains(day))
            {
                run++;
                doneSoFar++;
                if (rules.HasFreezes && doneSoFar % rules.FreezeEvery == 0 && held < rules.FreezeMax)
                {
                    held++;
                }
            }
            else if (day < currentDay && held > 0)
            {
                held--;
                used.Add(day);
            }
            else if (day != currentDay)
            {
                run = 0;
            }

            longest = Math.Max(longest, run);
            if (day == currentDay)
            {
                (current, heldThen) = (run, held);
            }
        }

        return new StreakHistory(current, longest, heldThen, used.ToImmutable());
    }

    /// <summary>The streak ending at <paramref name="currentDay"/> if it is done, else at the day before it.</summary>
    public static int Current(IReadOnlySet<int> done, int currentDay, StreakRules rules = default) =>
        Walk(done, currentDay, rules).Current;
}
