using System.Globalization;
using DevOps90.Bot.Core.Reports;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>
/// Check-ins per lesson day as bars and active members as a line with markers, on one count axis from 0. Sized for a
/// chat message: Discord shows an image about 400-550 px wide, so 800 x 400 is shrunk by a third and the text is sized
/// for that.
/// </summary>
internal static class CohortChartRenderer
{
    public const int Width = 800;
    public const int Height = 400;

    // Digits grouped by a space from 10 000 on, as SI writes them: "10,000" would read as ten in French.
    private static readonly NumberFormatInfo SpaceGrouping = new() { NumberGroupSeparator = " ", NumberGroupSizes = [3] };

    // The smallest of these steps that leaves at most 15 day labels: every day for 15 days, every 10th for 90.
    private static readonly int[] DaySteps = [1, 5, 10, 20, 50, 100, 200, 500, 1000];

    public static byte[] Render(CohortChart chart)
    {
        using var plot = new Plot();
        var labels = chart.Labels;
        ChartStyle.Apply(plot, labels.Title, Width, string.Concat(labels.Title, labels.DayAxis, labels.CountAxis, labels.CheckIns, labels.ActiveMembers));
        plot.XLabel(chart.Labels.DayAxis);
        plot.YLabel(chart.Labels.CountAxis);

        var days = chart.Days.OrderBy(day => day.Day).ToArray();
        var lastDay = days.Length == 0 ? 0 : days[^1].Day;
        var firstDay = days.Length == 0 ? 1 : Math.Min(1, days[0].Day);
        var highest = days.Length == 0 ? 0 : days.Max(day => Math.Max(day.CheckIns, day.ActiveMembers));

        if (days.Length > 0)
        {
            var bars = plot.Add.Bars(days.Select(day => new Bar
            {
                Position = day.Day,
                Value = day.CheckIns,
                Size = 0.8,
                FillColor = ChartPalette.SkyBlue,
                LineWidth = 0,
            }).ToList());
            bars.LegendText = chart.Labels.CheckIns;

            var line = plot.Add.Scatter(
                days.Select(day => (double)day.Day).ToArray(),
                days.Select(day => (double)day.ActiveMembers).ToArray(),
                ChartPalette.Vermillion);
            line.LineWidth = 2.5f;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = days.Length > 45 ? 5 : 8;
            line.LegendText = chart.Labels.ActiveMembers;

            // The count axis and its label take about 110 px on the left.
            ChartStyle.LegendBelow(plot, Width - 120);
        }

        plot.Axes.Bottom.TickGenerator = DayTicks(firstDay, Math.Max(lastDay, 1));
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new EvenlySpacedMinorTickGenerator(0),
            LabelFormatter = Count,
        };
        // Some room above the tallest bar or point; an empty chart still gets a 0..5 scale.
        plot.Axes.SetLimits(firstDay - 0.6, Math.Max(lastDay, 1) + 0.6, 0, Math.Max(5, highest * 1.08));
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Count(double value) => value >= 10_000 ? value.ToString("#,0", SpaceGrouping) : value.ToString("0", CultureInfo.InvariantCulture);

    private static NumericManual DayTicks(int first, int last)
    {
        var step = DaySteps.FirstOrDefault(candidate => (last - first) / candidate < 15, DaySteps[^1]);
        var ticks = new NumericManual();
        for (var day = first; day <= last; day++)
        {
            if (day == first || day % step == 0)
            {
                // Day 1 and day 5 side by side would collide at the larger steps; the first label wins.
                if (day != first && step > 1 && day - first < step / 2)
                {
                    continue;
                }

                ticks.AddMajor(day, day.ToString(CultureInfo.InvariantCulture));
            }
        }

        return ticks;
    }
}
