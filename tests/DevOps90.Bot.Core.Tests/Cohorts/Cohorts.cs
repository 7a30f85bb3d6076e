using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Tests.Cohorts;

internal static class Cohorts
{
    public static Cohort Make(string start, string zone = "Europe/Paris", Cadence? cadence = null) => new()
    {
        Id = new CohortId("test"),
        CurriculumId = "2022",
        StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        TimeZoneId = zone,
        Cadence = cadence ?? Cadence.Daily,
    };

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
