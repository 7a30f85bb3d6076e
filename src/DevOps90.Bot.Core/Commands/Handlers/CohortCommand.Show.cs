using System.Globalization;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/cohort show</c>, also the answer to every saved change: the group's settings, one field each.</summary>
public sealed partial class CohortCommand
{
    private static Reply Show(BotText text, Cohort cohort, DateOnly today)
    {
        var dates = cohort.SkippedDates.Count == 0 ? text["Cohort.NoDates"] : string.Join(", ", cohort.SkippedDates.Select(IsoDate.ToText));
        var state = cohort.IsPaused ? text.Format("Cohort.State.Paused", text.Date(cohort.Pauses[^1].From, today)) : text["Cohort.State.Running"];
        return new Reply
        {
            Title = text.Format("Cohort.Show.Title", cohort.Id),
            Fields =
            [
                new ReplyField(text["Cohort.Field.Curriculum"], cohort.CurriculumId, Inline: true),
                new ReplyField(text["Cohort.Field.Start"], IsoDate.ToText(cohort.StartDate), Inline: true),
                new ReplyField(text["Cohort.Field.Post"], $"{cohort.PostTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {cohort.TimeZoneId} ({CohortWords.Timing(text, cohort.PostTiming)})", Inline: true),
                new ReplyField(text["Cohort.Field.Cadence"], CohortWords.Cadence(text, cohort.Cadence), Inline: true),
                new ReplyField(text["Cohort.Field.Language"], cohort.Language is { } language ? text.LanguageName(language) : text["Cohort.MembersLocale"], Inline: true),
                new ReplyField(text["Cohort.Field.State"], state, Inline: true),
                new ReplyField(text["Cohort.Field.Skipped"], dates),
                new ReplyField(text["Cohort.Field.Channel"], cohort.Target.ToString(), Inline: true),
                new ReplyField(text["Cohort.Field.Role"], cohort.MentionRoleId ?? text["Cohort.None"], Inline: true),
                new ReplyField(text["Cohort.Field.Leaderboard"], text[cohort.LeaderboardMessage ? "Cohort.On" : "Cohort.Off"], Inline: true),
                new ReplyField(text["Cohort.Field.Page"], text[cohort.PublicPage ? "Cohort.Page.On" : "Cohort.Off"], Inline: true),
                new ReplyField(text["Cohort.Field.Threads"], text[cohort.Threads ? "Cohort.On" : "Cohort.Off"], Inline: true),
                new ReplyField(text["Cohort.Field.Milestones"], cohort.Milestones.IsEmpty ? text["Cohort.None"] : CohortMilestones.ToText(cohort.Milestones), Inline: true),
                new ReplyField(text["Cohort.Field.MilestoneRole"], cohort.MilestoneRoleId ?? text["Cohort.None"], Inline: true),
                new ReplyField(text["Progress.Freezes"], StreakRules.Of(cohort).HasFreezes ? text.Format("Cohort.Freezes", cohort.FreezeEvery, cohort.FreezeMax) : text["Cohort.None"], Inline: true),
            ],
            IsPrivate = true,
        };
    }
}
