using System.Collections.Immutable;
using System.Globalization;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>A cohort as configured, and when a moderator pauses and resumes it during the run (if ever).</summary>
internal sealed record SimulatedCohort(Cohort Configured, DateTimeOffset? PauseAt, DateTimeOffset? ResumeAt);

/// <summary>
/// Invents the cohorts of a run: zones with and without daylight saving (and with half- and three-quarter-hour
/// offsets), start dates over the first 30 days, post times over the whole day with some at 02:30 local (inside the
/// spring gap of Europe and North America, inside the autumn overlap of Sydney and Auckland), three cadences, a few
/// skipped dates, pauses and morning cohorts.
/// </summary>
internal static class SimulatedCohorts
{
    public const string Platform = "sim";

    private static readonly string[] _zones =
    [
        "Europe/Paris", "Europe/London", "America/New_York", "America/Los_Angeles", "America/Sao_Paulo",
        "America/Santiago", "America/St_Johns", "Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Sydney",
        "Pacific/Auckland", "Pacific/Chatham", "Africa/Lagos", "UTC",
    ];

    private static readonly Cadence _monWedFri = Cadence.On(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday);

    public static IReadOnlyList<SimulatedCohort> Make(SimulationOptions options, DateTimeOffset begin, DateTimeOffset end, Random random)
    {
        var cohorts = new List<SimulatedCohort>(options.Cohorts);
        for (var i = 0; i < options.Cohorts; i++)
        {
            var zone = _zones[random.Next(_zones.Length)];
            var start = options.Start.AddDays(1 + random.Next(30));
            var morning = random.NextDouble() < 0.08;
            var cohort = new Cohort
            {
                Id = new CohortId(string.Create(CultureInfo.InvariantCulture, $"c{i:0000}-{ShortName(zone)}")),
                CurriculumId = "2022",
                Language = random.NextDouble() < 0.2 ? "fr" : null,
                StartDate = start,
                TimeZoneId = zone,
                PostTime = PostTime(random, morning),
                PostTiming = morning ? PostTiming.SameDay : PostTiming.NextStudyDay,
                Cadence = random.NextDouble() switch
                {
                    < 0.6 => Cadence.Daily,
                    < 0.85 => Cadence.Weekdays,
                    _ => _monWedFri,
                },
                SkippedDates = random.NextDouble() < 0.15
                    ? [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => start.AddDays(random.Next(80)))]
                    : ImmutableSortedSet<DateOnly>.Empty,
                Target = new ChatTarget(Platform, string.Create(CultureInfo.InvariantCulture, $"channel-{i}")),
            };

            DateTimeOffset? pauseAt = null;
            DateTimeOffset? resumeAt = null;
            if (random.NextDouble() < 0.04)
            {
                pauseAt = RandomInstant(random, begin.AddDays(10), end.AddDays(-20));
                resumeAt = random.NextDouble() < 0.75 ? RandomInstant(random, pauseAt.Value.AddHours(6), pauseAt.Value.AddDays(12)) : null;
            }

            cohorts.Add(new SimulatedCohort(cohort, pauseAt, resumeAt));
        }

        return cohorts;
    }

    public static string Describe(Cohort cohort) => string.Create(CultureInfo.InvariantCulture,
        $"{cohort.Id} ({cohort.TimeZoneId}, {cohort.Cadence}, {(cohort.PostTiming == PostTiming.SameDay ? "morning" : "evening")} post at {cohort.PostTime:HH\\:mm}, " +
        $"start {cohort.StartDate:yyyy-MM-dd}{(cohort.SkippedDates.IsEmpty ? "" : ", skips " + string.Join(' ', cohort.SkippedDates.Select(date => date.ToString("MM-dd", CultureInfo.InvariantCulture))))}" +
        $"{(cohort.Pauses.IsEmpty ? "" : ", paused " + string.Join(' ', cohort.Pauses.Select(pause => $"[{pause.From:MM-dd}, {pause.Until?.ToString("MM-dd", CultureInfo.InvariantCulture) ?? "open"})")))})");

    public static DateTimeOffset RandomInstant(Random random, DateTimeOffset from, DateTimeOffset to) =>
        from.AddSeconds(Math.Floor(random.NextDouble() * (to - from).TotalSeconds));

    private static TimeOnly PostTime(Random random, bool morning)
    {
        if (random.NextDouble() < 0.06)
        {
            return new TimeOnly(2, 30);
        }

        // Five-minute steps: over the whole day in the evening style (a group may post at any hour), 05:00-10:55 in the morning one.
        return morning
            ? new TimeOnly(5, 0).Add(TimeSpan.FromMinutes(5 * random.Next(72)))
            : new TimeOnly(0, 0).Add(TimeSpan.FromMinutes(5 * random.Next(288)));
    }

    private static string ShortName(string zone) => zone[(zone.LastIndexOf('/') + 1)..].ToLowerInvariant().Replace('_', '-');
}
