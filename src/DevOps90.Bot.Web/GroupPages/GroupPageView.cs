using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>What a study group's public page shows, gathered once and rendered into HTML.</summary>
internal sealed record GroupPageView(
    string CohortId,
    BotText Text,
    string Edition,
    string LanguageName,
    Reply Today,
    Reply Next,
    NextPostView? NextPost,
    IReadOnlyList<PublicLeaderboardLine> Leaderboard,
    IReadOnlyList<CalendarCell> Calendar,
    DateTimeOffset ValidUntil);

/// <summary>The next daily post: its instant (rendered as UTC for the browser) and as the group's clock reads it.</summary>
internal sealed record NextPostView(DateTimeOffset At, string GroupTime, string TimeZoneId);

/// <summary>What a date of the calendar is for the group.</summary>
internal enum CellKind
{
    Study,
    Skipped,
    Paused,
    Rest,
}

/// <summary>Where a date stands against today.</summary>
internal enum CellWhen
{
    Past,
    Today,
    Next,
    Upcoming,
}

/// <summary>One date of the group's calendar; a study date carries its lesson day.</summary>
internal sealed record CalendarCell(DateOnly Date, CellKind Kind, CellWhen When, int? LessonDay);
