using System.CommandLine;
using System.Globalization;
using DevOps90.Bot.Core;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Cli;

/// <summary>
/// <c>participation export [--cohort ID] [--from DATE] [--to DATE] [--output FILE]</c>: the same CSV as
/// <c>/participation export</c>, for cohorts whose export is larger than a chat platform accepts.
/// </summary>
internal static class ParticipationCommandLine
{
    public static Command Create(TextWriter output)
    {
        var cohortOption = new Option<string?>("--cohort") { Description = "The cohort id (default: the console cohort, else the first)." };
        var fromOption = new Option<string?>("--from") { Description = "First local date of check-ins to include, yyyy-MM-dd." };
        var toOption = new Option<string?>("--to") { Description = "Last local date of check-ins to include, yyyy-MM-dd." };
        var fileOption = new Option<FileInfo?>("--output", "-o") { Description = "The CSV file to write (default: standard output)." };
        var export = new Command("export", "Write a cohort's check-ins as CSV (RFC 4180), one row per member and lesson day.");
        export.Options.Add(cohortOption);
        export.Options.Add(fromOption);
        export.Options.Add(toOption);
        export.Options.Add(fileOption);
        export.SetAction(async (parse, cancellationToken) =>
        {
            // The CSV may go to standard output: every log line goes to standard error instead.
            await using var app = BotHost.Build(["--Logging:Console:LogToStandardErrorThreshold=Trace"]);
            return await ExportAsync(
                app.Services,
                new ExportRequest(parse.GetValue(cohortOption), parse.GetValue(fromOption), parse.GetValue(toOption), parse.GetValue(fileOption)?.FullName),
                output,
                cancellationToken).ConfigureAwait(false);
        });
        var command = new Command("participation", "Participation reports.");
        command.Subcommands.Add(export);
        return command;
    }

    public sealed record ExportRequest(string? CohortId, string? From, string? To, string? OutputPath);

    /// <summary>Messages go to <paramref name="output"/>; the CSV to the file, or to <paramref name="output"/> without one.</summary>
    public static async Task<int> ExportAsync(IServiceProvider services, ExportRequest request, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (await CliCohorts.FindAsync(services, request.CohortId, output, cancellationToken).ConfigureAwait(false) is not { } cohort)
        {
            return 2;
        }

        if (new[] { request.From, request.To }.FirstOrDefault(text => text is not null && !IsoDate.TryParse(text, out _)) is { } bad)
        {
            await output.WriteLineAsync($"'{bad}' is not a date like 2027-01-31.").ConfigureAwait(false);
            return 2;
        }

        DateOnly? from = request.From is null ? null : IsoDate.Parse(request.From);
        DateOnly? to = request.To is null ? null : IsoDate.Parse(request.To);
        var reports = services.GetRequiredService<ParticipationReports>();
        if (request.OutputPath is null)
        {
            // The writer takes a stream; standard output's own stream keeps the bytes exactly as written (UTF-8, CRLF).
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var standardOutput = Console.OpenStandardOutput();
            await using (standardOutput.ConfigureAwait(false))
            {
                await reports.WriteExportAsync(cohort, from, to, standardOutput, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        var file = File.Create(request.OutputPath);
        long rows;
        await using (file.ConfigureAwait(false))
        {
            rows = await reports.WriteExportAsync(cohort, from, to, file, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{rows.ToString("N0", CultureInfo.InvariantCulture)} check-ins of {cohort.Id} written to {request.OutputPath}").ConfigureAwait(false);
        return 0;
    }
}
