using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Reports;

/// <summary>The files of the participation reports: the CSV export and the charts, named and labelled for the reader.</summary>
public sealed class ParticipationReports(ParticipationService participation, ICheckInCsvWriter csv, IParticipationCharts charts)
{
    /// <summary>The cohort's check-ins made on local dates from..to (null: no bound) as a CSV file, and how many rows it has.</summary>
    public async Task<(ReplyAttachment File, long Rows)> ExportAsync(Cohort cohort, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var rows = await csv.WriteAsync(participation.ExportAsync(cohort, from, to, cancellationToken), buffer, cancellationToken).ConfigureAwait(false);
        var name = $"participation-{cohort.Id}-{Bound(from, "start")}-{Bound(to, "today")}.csv";
        return (new ReplyAttachment(name, ReplyAttachment.Csv, buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), rows);
    }

    /// <summary>Writes the same export to a stream (the command line's export, which has no size limit).</summary>
    public Task<long> WriteExportAsync(Cohort cohort, DateOnly? from, DateOnly? to, Stream output, CancellationToken cancellationToken = default) =>
        csv.WriteAsync(participation.ExportAsync(cohort, from, to, cancellationToken), output, cancellationToken);

    /// <summary>Check-ins per lesson day with active members, or null before the first lesson day.</summary>
    public async Task<(ReplyAttachment Chart, IReadOnlyList<LessonActivity> Days)?> CohortChartAsync(Cohort cohort, BotText text, CancellationToken cancellationToken = default)
    {
        var days = await participation.LessonActivityAsync(cohort, cancellationToken).ConfigureAwait(false);
        if (days.Count == 0)
        {
            return null;
        }

        var labels = new ChartLabels(text.Format("Chart.Title", cohort.Id), text["Chart.DayAxis"], text["Chart.CountAxis"], text["Chart.CheckIns"], text["Chart.Active"]);
        var png = charts.RenderCohort(new CohortChart(labels, [.. days.Select(day => new CohortChartDay(day.Day, day.CheckIns, day.ActiveMembers))]));
        return (new ReplyAttachment($"participation-{cohort.Id}.png", ReplyAttachment.Png, png, labels.Title), days);
    }

    public ReplyAttachment MemberChart(MemberProgress progress, BotText text)
    {
        var labels = new MemberChartLabels(
            text["ProgressChart.Title"], text["Chart.DayAxis"], text["ProgressChart.Done"], text["ProgressChart.Late"], text["ProgressChart.Missed"], text["ProgressChart.Upcoming"]);
        var png = charts.RenderMember(new MemberChart(labels, progress.TotalDays, progress.CurrentDay, progress.Done, progress.Late));
        return new ReplyAttachment("progress.png", ReplyAttachment.Png, png, labels.Title);
    }

    private static string Bound(DateOnly? date, string open) => date is { } day ? IsoDate.ToText(day) : open;
}
