using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Reminders;

/// <summary>
/// The private message of a reminder, in the group's language if it fixes one, else the language the member asked
/// in: the streak at stake and when it ends (the grace cutoff, on the member's clock), and today's lesson.
/// </summary>
public static class ReminderMessage
{
    public static Reply Compose(Reminder reminder, Cohort cohort, BotDefaults defaults, CurriculumIndex index, int day, int streak, DateTimeOffset endsAt)
    {
        var language = LanguageChoice.Choose(cohort.Language, reminder.Language, null, defaults.Language);
        var text = LanguageChoice.TextFor(language, defaults.Language);
        var title = index.FindBest(cohort.CurriculumId, language)?.FindDay(day)?.Title ?? "";
        var ends = TimeZoneInfo.ConvertTime(endsAt, reminder.ZoneIn(cohort)).ToString("HH:mm", text.Culture);
        var line = streak > 0
            ? text.Format("Remind.Message", streak, cohort.Id.Value, ends, day, title)
            : text.Format("Remind.MessageNoStreak", cohort.Id.Value, day, title, ends);
        // Not "private" in the replies' sense (ephemeral): a direct message is private already, and a channel message
        // may not carry the ephemeral flag.
        return Reply.Text(line);
    }
}
