using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>A cohort's settings as people read them, in the reply's language, rather than their stored values.</summary>
internal static class CohortWords
{
    /// <summary>"every day", "weekdays (Monday to Friday)", or the days: "Monday, Wednesday, Friday" / "lundi, mercredi".</summary>
    public static string Cadence(BotText text, Cadence cadence)
    {
        if (cadence == Cohorts.Cadence.Daily)
        {
            return text["Cohort.Cadence.Daily"];
        }

        return cadence == Cohorts.Cadence.Weekdays
            ? text["Cohort.Cadence.Weekdays"]
            : string.Join(", ", cadence.Days.OrderBy(MondayFirst).Select(day => text.Culture.DateTimeFormat.GetDayName(day)));
    }

    public static string Timing(BotText text, PostTiming timing) => text["Cohort.Timing." + timing];

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
