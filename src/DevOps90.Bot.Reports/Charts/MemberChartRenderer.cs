using System.Globalization;
using DevOps90.Bot.Core.Reports;
using ScottPlot;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>
/// A member's lesson days as a grid of numbered cells, 15 to a row like a contribution calendar, coloured by what
/// became of each day. Drawn in fixed pixel geometry (cells stay square whatever the number of rows), about 580 px
/// wide, so a chat client shows it close to its real size.
/// </summary>
internal static class MemberChartRenderer
{
    public const int Columns = 15;
    public const int CellPixels = 36;
    public const int SidePadding = 20;
    public const int TopPadding = 56;
    private const int BottomPadding = 54;
    private const double Gap = 0.12;

    public static int WidthFor() => SidePadding * 2 + Columns * CellPixels;

    public static int HeightFor(int totalDays) => TopPadding + BottomPadding + Math.Max(1, RowsFor(totalDays)) * CellPixels;

    public static byte[] Render(MemberChart chart)
    {
        var totalDays = Math.Max(0, chart.TotalDays);
        var rows = Math.Max(1, RowsFor(totalDays));
        using var plot = new Plot();
        var labels = chart.Labels;
        ChartStyle.Apply(plot, labels.Title, WidthFor(), string.Concat(labels.Title, labels.DayAxis, labels.Done, labels.Late, labels.Missed, labels.Upcoming));
        plot.HideAxesAndGrid();
        // HideAxesAndGrid hides the title panel with the axes.
        plot.Axes.Title.IsVisible = true;

        for (var day = 1; day <= totalDays; day++)
        {
            var column = (day - 1) % Columns;
            var row = (day - 1) / Columns;
            var state = StateOf(chart, day);
            var cell = plot.Add.Rectangle(column + Gap / 2, column + 1 - Gap / 2, -row - 1 + Gap / 2, -row - Gap / 2);
            cell.FillColor = Fill(state);
            // Today's cell gets a dark ring, so the reader finds where the cohort is.
            cell.LineWidth = day == chart.CurrentDay ? 3 : state == DayState.Upcoming ? 1 : 0;
            cell.LineColor = day == chart.CurrentDay ? ChartPalette.Text : ChartPalette.UpcomingBorder;

            var number = plot.Add.Text(day.ToString(CultureInfo.InvariantCulture), column + 0.5, -row - 0.5);
            number.Alignment = Alignment.MiddleCenter;
            number.LabelFontSize = 14;
            number.LabelFontColor = state is DayState.Done or DayState.Missed ? Colors.White : ChartPalette.Text;
            if (ChartFonts.Family is { } family)
            {
                number.LabelFontName = family;
            }
        }

        AddLegend(plot, chart.Labels, chart.CurrentDay >= 1 && chart.CurrentDay <= totalDays ? chart.CurrentDay : null);
        plot.Axes.SetLimits(0, Columns, -rows, 0);
        plot.Layout.Fixed(new PixelPadding(SidePadding, SidePadding, BottomPadding, TopPadding));
        return plot.GetImageBytes(WidthFor(), HeightFor(totalDays), ImageFormat.Png);
    }

    private static int RowsFor(int totalDays) => (totalDays + Columns - 1) / Columns;

    private static void AddLegend(Plot plot, MemberChartLabels labels, int? currentDay)
    {
        plot.Legend.ManualItems.Clear();
        foreach (var (text, state) in new[] { (labels.Done, DayState.Done), (labels.Late, DayState.Late), (labels.Missed, DayState.Missed), (labels.Upcoming, DayState.Upcoming) })
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = text,
                FillColor = Fill(state),
                OutlineColor = state == DayState.Upcoming ? ChartPalette.UpcomingBorder : Fill(state),
                OutlineWidth = 1,
            });
        }

        // The ring explained: "Day 42" (the cohort's current lesson day).
        if (currentDay is { } today)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = string.Create(CultureInfo.InvariantCulture, $"{labels.DayAxis} {today}"),
                FillColor = ChartPalette.Upcoming,
                OutlineColor = ChartPalette.Text,
                OutlineWidth = 2.5f,
            });
        }

        ChartStyle.LegendBelow(plot, Columns * CellPixels);
    }

    private static DayState StateOf(MemberChart chart, int day)
    {
        if (chart.Late.Contains(day))
        {
            return DayState.Late;
        }

        if (chart.Done.Contains(day))
        {
            return DayState.Done;
        }

        // The current day is still open: it becomes "missed" only once the next lesson day has begun.
        return day < chart.CurrentDay ? DayState.Missed : DayState.Upcoming;
    }

    private static Color Fill(DayState state) => state switch
    {
        DayState.Done => ChartPalette.Blue,
        DayState.Late => ChartPalette.Orange,
        DayState.Missed => ChartPalette.Missed,
        _ => ChartPalette.Upcoming,
    };

    private enum DayState
    {
        Done,
        Late,
        Missed,
        Upcoming,
    }
}
