using System.Globalization;

namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// The one check of a cohort's streak-freeze settings, shared by the configuration file, <c>/cohort freeze-every</c>
/// and <c>/cohort freeze-max</c> on Discord and Slack, and the dashboard's form (which goes through <c>/cohort</c>):
/// a whole number of days done per freeze and of freezes held, 0 meaning none.
/// </summary>
public static class FreezeSettings
{
    /// <summary>More days per freeze than the longest edition has lesson days would never earn one: a mistake.</summary>
    public const int MostDaysPerFreeze = 100;

    /// <summary>Beyond ten held, a missed fortnight would not break a streak: that is no longer a streak.</summary>
    public const int MostHeld = 10;

    public static bool IsValidEvery(int days) => days is >= 0 and <= MostDaysPerFreeze;

    public static bool IsValidMax(int held) => held is >= 0 and <= MostHeld;

    /// <summary>The name of the first setting out of range (FreezeEvery, FreezeMax), or null when both are right.</summary>
    public static string? Invalid(int every, int max) =>
        !IsValidEvery(every) ? "FreezeEvery" : !IsValidMax(max) ? "FreezeMax" : null;

    /// <summary>A typed value: digits, or none/off for 0; null when it is not one of those or out of 0..<paramref name="most"/>.</summary>
    public static int? Parse(string? value, int most)
    {
        var typed = value?.Trim() ?? "";
        if (typed.Equals("none", StringComparison.OrdinalIgnoreCase) || typed.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= most ? number : null;
    }
}
