using System.Globalization;
using System.Text.Json.Serialization;
using DevOps90.Bot.Core;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Storage;

/// <summary>A cohort as JSON in the cohorts table. Fields are only added; a missing one reads as its default.</summary>
internal sealed record CohortDocument(
    string Id,
    string Curriculum,
    string? Language,
    string StartDate,
    string TimeZone,
    string PostTime,
    string PostTiming,
    string Cadence,
    IReadOnlyList<string> SkippedDates,
    IReadOnlyList<PauseDocument> Pauses,
    string Target,
    string? MentionRole,
    bool LeaderboardMessage = false,
    IReadOnlyList<string>? Moderators = null,
    bool PublicPage = false,
    int? FreezeEvery = null,
    int? FreezeMax = null,
    bool Threads = false,
    IReadOnlyList<int>? Milestones = null,
    string? MilestoneRole = null)
{
    public static CohortDocument From(Cohort cohort) => new(
        cohort.Id.Value,
        cohort.CurriculumId,
        cohort.Language,
        Date(cohort.StartDate),
        cohort.TimeZoneId,
        cohort.PostTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        cohort.PostTiming.ToString(),
        cohort.Cadence.ToString(),
        [.. cohort.SkippedDates.Select(Date)],
        [.. cohort.Pauses.Select(pause => new PauseDocument(Date(pause.From), pause.Until is { } until ? Date(until) : null))],
        $"{cohort.Target.Platform}:{cohort.Target.Channel}",
        cohort.MentionRoleId,
        cohort.LeaderboardMessage,
        [.. cohort.Moderators],
        cohort.PublicPage,
        cohort.FreezeEvery,
        cohort.FreezeMax,
        cohort.Threads,
        [.. cohort.Milestones],
        cohort.MilestoneRoleId);

    public Cohort ToCohort()
    {
        return new Cohort
        {
            Id = new CohortId(Id),
            CurriculumId = Curriculum,
            Language = Language,
            StartDate = ParseDate(StartDate),
            TimeZoneId = TimeZone,
            PostTime = TimeOnly.ParseExact(PostTime, "HH:mm:ss", CultureInfo.InvariantCulture),
            PostTiming = Enum.Parse<PostTiming>(PostTiming),
            Cadence = Core.Cohorts.Cadence.TryParse(Cadence, out var cadence) ? cadence : Core.Cohorts.Cadence.Daily,
            SkippedDates = [.. SkippedDates.Select(ParseDate)],
            Pauses = [.. Pauses.Select(pause => new PausePeriod(ParseDate(pause.From), pause.Until is { } until ? ParseDate(until) : null))],
            Target = ChatTarget.Parse(Target),
            MentionRoleId = MentionRole,
            LeaderboardMessage = LeaderboardMessage,
            Moderators = [.. Moderators ?? []],
            PublicPage = PublicPage,
            FreezeEvery = FreezeEvery ?? Core.Participation.StreakRules.DefaultFreezeEvery,
            FreezeMax = FreezeMax ?? Core.Participation.StreakRules.DefaultFreezeMax,
            Threads = Threads,
            // A cohort stored before milestones existed has the default ones.
            Milestones = Milestones is null ? Cohort.DefaultMilestones : [.. Milestones],
            MilestoneRoleId = MilestoneRole,
        };
    }

    private static string Date(DateOnly date) => IsoDate.ToText(date);

    private static DateOnly ParseDate(string text) => IsoDate.Parse(text);
}

internal sealed record PauseDocument(string From, string? Until);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CohortDocument))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(List<long[]>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
