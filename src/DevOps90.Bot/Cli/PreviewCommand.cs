using System.CommandLine;
using System.Globalization;
using DevOps90.Bot.Core;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.LocalConsole;

namespace DevOps90.Bot.Cli;

/// <summary><c>preview [--date yyyy-MM-dd] [--cohort ID]</c>: exactly what the daily post would say on that date.</summary>
internal static class PreviewCommand
{
    public static Command Create(TextWriter output)
    {
        var dateOption = new Option<string?>("--date") { Description = "The local date of the post, yyyy-MM-dd (default: today in the cohort's zone)." };
        var cohortOption = new Option<string?>("--cohort") { Description = "The cohort id (default: the console cohort, else the first)." };
        var command = new Command("preview", "Print the daily post a cohort would get on a date.");
        command.Options.Add(dateOption);
        command.Options.Add(cohortOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = BotHost.Build([]);
            return await RunAsync(app.Services, parse.GetValue(cohortOption), parse.GetValue(dateOption), output, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string? cohortId, string? date, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (await CliCohorts.FindAsync(services, cohortId, output, cancellationToken).ConfigureAwait(false) is not { } cohort)
        {
            return 2;
        }

        var localDate = StudyCalendar.LocalDate(services.GetRequiredService<TimeProvider>().GetUtcNow(), cohort.TimeZone);
        if (date is not null && !IsoDate.TryParse(date, out localDate))
        {
            output.WriteLine($"'{date}' is not a date like 2027-01-01.");
            return 2;
        }

        var defaults = services.GetRequiredService<BotDefaults>();
        if (services.GetRequiredService<DailyPostService>().CalendarFor(cohort) is not { } calendar)
        {
            output.WriteLine($"The curriculum '{cohort.CurriculumId}' is not loaded.");
            return 2;
        }

        var text = LanguageChoice.TextFor(cohort.Language ?? defaults.Language, defaults.Language);
        if (PostPlanner.PostOn(calendar, localDate) is not { } post)
        {
            var next = PostPlanner.NextPostAfter(calendar, localDate);
            output.WriteLine(next is null
                ? text.Format("Post.NoneEver", text.Date(localDate))
                : text.Format("Post.None", text.Date(localDate), text.Date(next.PostDate)));
            return 0;
        }

        var reply = services.GetRequiredService<DailyPostComposer>().Compose(calendar, post);
        output.WriteLine($"{cohort.Id} → {cohort.Target} · {TimeZoneInfo.ConvertTime(post.PostAt, cohort.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {cohort.TimeZoneId}");
        output.WriteLine();
        output.Write(ConsoleRenderer.Render(reply, text.Culture));
        return 0;
    }
}
