using System.Globalization;

namespace DevOps90.Bot.Core;

/// <summary>
/// Dates as the bot reads and writes them wherever a person or a file gives one: ISO 8601 <c>yyyy-MM-dd</c>, whatever
/// the language (settings, /cohort, /participation export, the command line, stored cohorts, file names).
/// </summary>
public static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
