using System.Collections.Immutable;
using System.Globalization;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>The days of the week a cohort studies on.</summary>
public sealed record Cadence
{
    private readonly int _mask;

    private Cadence(int mask) => _mask = mask;

    public static Cadence Daily { get; } = new(0b111_1111);

    public static Cadence Weekdays { get; } = On(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public ImmutableArray<DayOfWeek> Days =>
        [.. Enum.GetValues<DayOfWeek>().Where(Includes)];

    public static Cadence On(params DayOfWeek[] days)
    {
        ArgumentOutOfRangeException.ThrowIfZero(days.Length);
        return new Cadence(days.Aggregate(0, (mask, day) => mask | (1 << (int)day)));
    }

    public bool Includes(DayOfWeek day) => (_mask & (1 << (int)day)) != 0;

    /// <summary>
    /// Reads "daily", "weekdays", or day names separated by commas in English or French, full or three letters
    /// ("mon,wed,fri", "lundi, mercredi").
    /// </summary>
    public static bool TryParse(string? text, out Cadence cadence)
    {
        cadence = Daily;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        switch (TextFolding.Fold(text))
        {
            case "daily" or "every day" or "everyday" or "tous les jours" or "quotidien":
                return true;
            case "weekdays" or "week days" or "en semaine" or "jours ouvres":
                cadence = Weekdays;
                return true;
        }

        var days = new List<DayOfWeek>();
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseDay(part, out var day))
            {
                return false;
            }

            days.Add(day);
        }

        if (days.Count == 0)
        {
            return false;
        }

        cadence = On([.. days]);
        return true;
    }

    public override string ToString()
    {
        if (this == Daily)
        {
            return "daily";
        }

        return this == Weekdays
            ? "weekdays"
            : string.Join(',', Days.Select(day => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day).ToLowerInvariant()));
    }

    public bool Equals(Cadence? other) => other is not null && other._mask == _mask;

    public override int GetHashCode() => _mask;

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        var folded = TextFolding.Fold(text);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("fr-FR") })
        {
            foreach (var candidate in Enum.GetValues<DayOfWeek>())
            {
                var full = TextFolding.Fold(culture.DateTimeFormat.GetDayName(candidate));
                if (folded == full || (folded.Length >= 3 && full.StartsWith(folded, StringComparison.Ordinal)))
                {
                    day = candidate;
                    return true;
                }
            }
        }

        day = default;
        return false;
    }
}
