using System.Diagnostics;
using System.Globalization;
using Dapper;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;
using DevOps90.Bot.Reports.Csv;
using DevOps90.Bot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Benchmarks.Participation;

/// <summary>
/// The <c>participation</c> verb: leaderboards, the moderators' summary, one member's progress and a full read of the
/// check-ins of a 900,000-check-in cohort on SQLite (or PostgreSQL with --postgres), each timed in a warm process
/// (median of several runs).
/// Targets (from the issue): each query under 200 ms, the full read under 3 s.
/// </summary>
internal static class ParticipationVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var runs = args.SkipWhile(arg => arg != "--runs").Skip(1).FirstOrDefault() is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 15;
        await using var cohort = args.Contains("--postgres")
            ? await ScaleDatabase.PostgresAsync(output).ConfigureAwait(false)
            : await ScaleDatabase.SqliteAsync(output).ConfigureAwait(false);
        await TimeCallsAsync(cohort.Database, runs, output).ConfigureAwait(false);
        return 0;
    }

    private static async Task TimeCallsAsync(IDatabase database, int runs, TextWriter output)
    {
        var (members, checkIns, middle) = await DescribeAsync(database).ConfigureAwait(false);
        output.WriteLine($"cohort: {members:N0} members, {checkIns:N0} check-ins; progress of member {middle} (rank {members / 2:N0} by days done)");

        var time = new FakeTimeProvider(ScaleCohort.Now);
        var store = new SqlParticipationStore(database);
        var service = new ParticipationService(store, ScaleCohort.Delivery(time), time);
        var cohort = ScaleCohort.Cohort;
        output.WriteLine($"engine: {database.Dialect.Name}");

        await TimeAsync(output, "LeaderboardAsync(Week)", runs, async () => (await service.LeaderboardAsync(cohort, LeaderboardPeriod.Week).ConfigureAwait(false)).Count).ConfigureAwait(false);
        await TimeAsync(output, "LeaderboardAsync(Month)", runs, async () => (await service.LeaderboardAsync(cohort, LeaderboardPeriod.Month).ConfigureAwait(false)).Count).ConfigureAwait(false);
        await TimeAsync(output, "LeaderboardAsync(All)", runs, async () => (await service.LeaderboardAsync(cohort, LeaderboardPeriod.All).ConfigureAwait(false)).Count).ConfigureAwait(false);
        await TimeAsync(output, "SummaryAsync(inactive 3 days)", runs, async () => (await service.SummaryAsync(cohort, 3).ConfigureAwait(false)).Members).ConfigureAwait(false);
        await TimeAsync(output, "ProgressAsync(middle member)", runs, async () => (await service.ProgressAsync(cohort, middle).ConfigureAwait(false)).Rank).ConfigureAwait(false);
        await TimeAsync(output, "LessonActivityAsync (chart data, every lesson day)", runs, async () => (await service.LessonActivityAsync(cohort).ConfigureAwait(false)).Count).ConfigureAwait(false);
        var reports = new ParticipationReports(service, new CheckInCsvWriter(), new ScottPlotParticipationCharts());
        var french = BotText.For("fr");
        await TimeAsync(output, "/participation chart (data + PNG)", runs, async () => (await reports.CohortChartAsync(cohort, french).ConfigureAwait(false))!.Value.Chart.Content.Length).ConfigureAwait(false);
        await TimeAsync(output, "/participation export (CSV in memory, all)", Math.Max(3, runs / 3), async () => (int)(await reports.ExportAsync(cohort, null, null).ConfigureAwait(false)).Rows).ConfigureAwait(false);

        await PrintSamplesAsync(output, service, middle).ConfigureAwait(false);
    }

    private static async Task<(int Members, int CheckIns, string Middle)> DescribeAsync(IDatabase database)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var members = await connection.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT member_id) FROM check_ins WHERE cohort_id = @Id", new { Id = ScaleCohort.Id.Value }).ConfigureAwait(false);
        var checkIns = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM check_ins WHERE cohort_id = @Id", new { Id = ScaleCohort.Id.Value }).ConfigureAwait(false);
        var middle = await connection.ExecuteScalarAsync<string>(
            "SELECT member_id FROM (SELECT member_id, COUNT(*) AS n FROM check_ins WHERE cohort_id = @Id GROUP BY member_id) AS per ORDER BY n DESC, member_id LIMIT 1 OFFSET @Offset",
            new { Id = ScaleCohort.Id.Value, Offset = members / 2 }).ConfigureAwait(false);
        return (members, checkIns, middle!);
    }

    private static async Task TimeAsync(TextWriter output, string name, int runs, Func<Task<int>> action)
    {
        var result = await action().ConfigureAwait(false);
        var first = Stopwatch.StartNew();
        await action().ConfigureAwait(false);
        var warm = first.Elapsed;
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} median {times[times.Count / 2],8:F1} ms   min {times[0],8:F1}   max {times[^1],8:F1}   ({runs} runs after 2 warm-ups, second warm-up {warm.TotalMilliseconds:F0} ms; result {result})"));
    }

    // The answers themselves, so a change that makes a query faster can be checked to give the same ones.
    private static async Task PrintSamplesAsync(TextWriter output, ParticipationService service, string middle)
    {
        foreach (var period in new[] { LeaderboardPeriod.Week, LeaderboardPeriod.Month, LeaderboardPeriod.All })
        {
            var board = await service.LeaderboardAsync(ScaleCohort.Cohort, period).ConfigureAwait(false);
            output.WriteLine($"{period}: {string.Join(" | ", board.Select(line => $"{line.Rank}. {line.MemberId} {line.DaysDone}/{line.Streak}"))}");
        }

        var summary = await service.SummaryAsync(ScaleCohort.Cohort, 3).ConfigureAwait(false);
        output.WriteLine($"summary: today {summary.ActiveToday}, week {summary.ActiveThisWeek}, members {summary.Members}, per day {string.Join(" ", summary.PerDay.Select(day => $"{day.Day}:{day.CheckIns}"))}, inactive {summary.Inactive.Count} (first {string.Join(",", summary.Inactive.Take(3))})");
        var progress = await service.ProgressAsync(ScaleCohort.Cohort, middle).ConfigureAwait(false);
        output.WriteLine($"progress: done {progress.DaysDone}/{progress.TotalDays}, day {progress.CurrentDay}, streak {progress.CurrentStreak}, longest {progress.LongestStreak}, missed {progress.DaysMissed}, rank {progress.Rank}/{progress.Members}, late {progress.Late.Count}");
    }
}
