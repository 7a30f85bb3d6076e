using System.CommandLine;
using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;

namespace DevOps90.Bot.Cli;

/// <summary><c>cohorts list</c>: every cohort the bot knows, active or not, with its channel, schedule and next post.</summary>
internal static class CohortsCommandLine
{
    private static readonly string[] Headings = ["id", "status", "target", "curriculum", "language", "time zone", "post", "next post (local)", "next post (UTC)"];

    public static Command Create(TextWriter output)
    {
        var list = new Command("list", "Show every cohort with its channel, edition, language, schedule and next post.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var app = BotHost.Build(["--Logging:Console:LogToStandardErrorThreshold=Trace"]);
            await app.Services.GetRequiredService<StartupTasks>().RunAsync(cancellationToken).ConfigureAwait(false);
            return await ListAsync(app.Services, output).ConfigureAwait(false);
        });
        var command = new Command("cohorts", "The study groups the bot serves.");
        command.Subcommands.Add(list);
        return command;
    }

    public static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        var registry = services.GetRequiredService<CohortRegistry>();
        var delivery = services.GetRequiredService<DailyPostService>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rows = new List<string[]> { Headings };
        foreach (var cohort in registry.All)
        {
            var next = delivery.CalendarFor(cohort) is { } calendar && !cohort.IsPaused ? PostPlanner.NextPostAfter(calendar, now) : null;
            rows.Add(Row(cohort, cohort.IsPaused ? "paused" : "active", next));
        }

        foreach (var inactive in registry.Inactive)
        {
            rows.Add(Row(inactive.Cohort, inactive.Status.ToString().ToLowerInvariant(), null));
        }

        if (rows.Count == 1)
        {
            await output.WriteLineAsync("No cohort is configured (see Cohorts in appsettings.example.json).").ConfigureAwait(false);
            return 0;
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd()).ConfigureAwait(false);
        }

        return 0;
    }

    private static string[] Row(Cohort cohort, string status, PlannedPost? next) =>
    [
        cohort.Id.Value,
        status,
        cohort.Target.ToString(),
        cohort.CurriculumId,
        cohort.Language ?? "members'",
        cohort.TimeZoneId,
        cohort.PostTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        next is null ? "-" : TimeZoneInfo.ConvertTime(next.PostAt, cohort.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" (day {next.LessonDay})",
        next is null ? "-" : next.PostAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
    ];
}
