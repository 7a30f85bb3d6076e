using System.Globalization;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>
/// A moment of the day at which daily posts fall due: a local time in a time zone. Every cohort posting then shares
/// it, so a scheduler needs one timer per slot, not one per cohort: ten thousand cohorts at 18:00 in Paris are one.
/// </summary>
public readonly record struct PostSlot(string TimeZoneId, TimeOnly LocalTime)
{
    private const string TimeFormat = "HH':'mm':'ss";

    public static PostSlot Of(Cohort cohort) => new(cohort.TimeZoneId, cohort.PostTime);

    /// <summary>"18:00:00 Europe/Paris": readable in a log line and a scheduler's key, and read back by <see cref="TryParse"/>.</summary>
    public string Name => LocalTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + " " + TimeZoneId;

    public bool Holds(Cohort cohort) => cohort.PostTime == LocalTime && cohort.TimeZoneId == TimeZoneId;

    public static bool TryParse(string? name, out PostSlot slot)
    {
        slot = default;
        var space = name?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (name is null || space <= 0 || space == name.Length - 1
            || !TimeOnly.TryParseExact(name.AsSpan(0, space), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        slot = new PostSlot(name[(space + 1)..], time);
        return true;
    }

    public override string ToString() => Name;
}
