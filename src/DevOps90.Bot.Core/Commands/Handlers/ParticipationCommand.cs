using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/participation summary [inactive]</c> (the default), <c>/participation export [from] [to]</c> and
/// <c>/participation chart</c>, for moderators: the summary at a glance, the check-ins as a CSV file, and a chart of
/// check-ins per lesson day with the members active on each.
/// </summary>
public sealed class ParticipationCommand(ParticipationService participation, ParticipationReports? reports = null) : ICommandHandler
{
    private const int DefaultInactiveDays = 3;
    private const int MinInactiveDays = 1;
    private const int MaxInactiveDays = 90;

    public CommandDefinition Definition { get; } = new(CommandNames.Participation, [], ForModerators: true)
    {
        Subcommands =
        [
            new SubcommandDefinition("summary", [new CommandOption("inactive", OptionKind.Number, Min: MinInactiveDays, Max: MaxInactiveDays)]),
            new SubcommandDefinition("export", [new CommandOption("from", OptionKind.Text), new CommandOption("to", OptionKind.Text)]),
            new SubcommandDefinition("chart", []),
        ],
    };

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(scope.Text["Error.NoCohort"]);
        }

        var subcommand = scope.Request.Subcommand?.ToLowerInvariant() ?? "summary";
        if (subcommand is "export" or "chart" && reports is null)
        {
            return Reply.Error(scope.Text["Reports.Unavailable"]);
        }

        return subcommand switch
        {
            "export" => await ExportAsync(scope, cohort, reports!, cancellationToken).ConfigureAwait(false),
            "chart" => await ChartAsync(scope.Text, cohort, reports!, cancellationToken).ConfigureAwait(false),
            _ => await SummaryAsync(scope, cohort, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<Reply> SummaryAsync(RequestScope scope, Cohort cohort, CancellationToken cancellationToken)
    {
        var inactiveDays = DefaultInactiveDays;
        if (scope.Request.Option("inactive") is { } typed)
        {
            if (!int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out inactiveDays) || inactiveDays < MinInactiveDays || inactiveDays > MaxInactiveDays)
            {
                return Reply.Error(scope.Text.Format("Summary.Error.Inactive", Quoted.Cap(typed), MinInactiveDays, MaxInactiveDays));
            }
        }

        var summary = await participation.SummaryAsync(cohort, inactiveDays, cancellationToken).ConfigureAwait(false);
        var text = scope.Text;
        if (summary.Members == 0)
        {
            return new Reply { Title = text.Format("Summary.Title", cohort.Id), Paragraphs = [text["Summary.NoCheckIns"]], IsPrivate = true };
        }

        return new Reply
        {
            Title = text.Format("Summary.Title", cohort.Id),
            Fields =
            [
                new ReplyField(text["Summary.Active"], text.Format("Summary.ActiveValue", summary.ActiveToday, summary.ActiveThisWeek, summary.Members)),
                new ReplyField(text["Summary.PerDay"], ReplyParagraph.Of(summary.PerDay.Select(entry =>
                    (ReplyLine)text.Format("Summary.PerDayLine", entry.Day, entry.CheckIns, Percent(entry.CheckIns, summary.Members))))),
                new ReplyField(text.Format("Summary.Inactive", inactiveDays), summary.Inactive.Count == 0
                    ? text["Summary.NoneInactive"]
                    : new ReplyLine([.. summary.Inactive.SelectMany((member, index) => index == 0 ? [ReplySpan.Member(member)] : new[] { ReplySpan.Plain(", "), ReplySpan.Member(member) })])),
            ],
            IsPrivate = true,
        };
    }

    private static async Task<Reply> ExportAsync(RequestScope scope, Cohort cohort, ParticipationReports reports, CancellationToken cancellationToken)
    {
        var text = scope.Text;
        var (from, badFrom) = DateOption(scope.Request, "from");
        var (to, badTo) = DateOption(scope.Request, "to");
        if ((badFrom ?? badTo) is { } bad)
        {
            return Reply.Error(text.Format("Export.Error.Date", Quoted.Cap(bad)));
        }

        if (from > to)
        {
            return Reply.Error(text.Format("Export.Error.Range", text.Date(from!.Value, scope.Today), text.Date(to!.Value, scope.Today)));
        }

        var (file, rows) = await reports.ExportAsync(cohort, from, to, cancellationToken).ConfigureAwait(false);
        return new Reply
        {
            Title = text.Format("Export.Title", cohort.Id),
            Paragraphs = [text.Format("Export.Done", rows.ToString("N0", text.Culture), Period(text, from, to, scope.Today))],
            Attachments = [file],
            IsPrivate = true,
        };
    }

    private static async Task<Reply> ChartAsync(BotText text, Cohort cohort, ParticipationReports reports, CancellationToken cancellationToken)
    {
        if (await reports.CohortChartAsync(cohort, text, cancellationToken).ConfigureAwait(false) is not var (chart, days))
        {
            return Reply.Error(text["Chart.NotStarted"]);
        }

        return new Reply
        {
            Title = chart.Description,
            Paragraphs = [text.Format("Chart.Caption", days.Count, days.Sum(day => day.CheckIns).ToString("N0", text.Culture), days[^1].ActiveMembers)],
            Attachments = [chart],
            Image = chart.FileName,
            IsPrivate = true,
        };
    }

    /// <summary>A share in whole percent, rounded half away from zero (2 of 3 is 67 %, not 66 %).</summary>
    internal static int Percent(int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);

    /// <summary>The option's date (null when not given), or the value that is not a date.</summary>
    private static (DateOnly? Date, string? Bad) DateOption(CommandRequest request, string name) =>
        request.Option(name) is not { } value ? (null, null)
        : IsoDate.TryParse(value, out var date) ? (date, null)
        : (null, value);

    private static string Period(BotText text, DateOnly? from, DateOnly? to, DateOnly today) => (from, to) switch
    {
        (null, null) => text["Export.Period.All"],
        ({ } first, null) => text.Format("Export.Period.From", text.Date(first, today)),
        (null, { } last) => text.Format("Export.Period.To", text.Date(last, today)),
        ({ } first, { } last) => text.Format("Export.Period.Range", text.Date(first, today), text.Date(last, today)),
    };
}
