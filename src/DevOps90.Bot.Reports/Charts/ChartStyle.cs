using ScottPlot;
using SkiaSharp;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>What both charts share: the font, text sizes readable at chat size, a white background, no frame clutter.</summary>
internal static class ChartStyle
{
    public const float TitleSize = 24;
    public const float AxisLabelSize = 18;
    public const float TickSize = 16;
    public const float LegendSize = 17;

    private const float SmallestTitleSize = 15;
    private const float SmallestLegendSize = 12;
    private const int ItemGap = 22;

    /// <param name="labels">Every text the chart writes, so the font chosen has all their letters (Chinese, Japanese, Korean).</param>
    public static void Apply(Plot plot, string title, int width, string labels)
    {
        var family = ChartFonts.FamilyFor(labels);
        if (family is not null)
        {
            plot.Font.Set(family);
            plot.Legend.FontName = family;
        }

        plot.FigureBackground.Color = ChartPalette.Background;
        plot.DataBackground.Color = ChartPalette.Background;
        var (text, size) = FitTitle(title, width - 30, family);
        plot.Title(text, size);
        // Centred on the image, not on the data area beside the count axis, so the whole width is the title's.
        plot.Axes.Title.FullFigureCenter = true;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Text;
        plot.Axes.Left.Label.FontSize = AxisLabelSize;
        plot.Axes.Bottom.Label.FontSize = AxisLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
        plot.Grid.MajorLineColor = ChartPalette.Grid;
        plot.Grid.XAxisStyle.IsVisible = false;
    }

    /// <summary>
    /// A title that fits the image: smaller type for a long one (a cohort or member name can be long), then cut with an
    /// ellipsis, rather than clipped at both edges.
    /// </summary>
    internal static (string Text, float Size) FitTitle(string title, float room, string? family)
    {
        if (family is null)
        {
            return (title, TitleSize);
        }

        using var typeface = SKTypeface.FromFamilyName(family);
        using var font = new SKFont(typeface, TitleSize);
        for (var size = TitleSize; size >= SmallestTitleSize; size--)
        {
            font.Size = size;
            if (font.MeasureText(title) <= room)
            {
                return (title, size);
            }
        }

        var length = title.Length;
        while (length > 1 && font.MeasureText(string.Concat(title.AsSpan(0, length), "…")) > room)
        {
            length--;
        }

        return (string.Concat(title.AsSpan(0, length).TrimEnd(), "…"), SmallestTitleSize);
    }

    /// <summary>
    /// The legend in one row under the chart, outside the data so it never hides a bar; its type gets smaller when
    /// long labels would otherwise wrap onto a second row, which the layout has no room for. ScottPlot gives the legend
    /// the width of the data area, <paramref name="room"/>.
    /// </summary>
    public static void LegendBelow(Plot plot, int room)
    {
        var panel = plot.ShowLegend(Edge.Bottom);
        panel.Padding = new PixelPadding(0, 0, 4, 0);
        var legend = plot.Legend;
        legend.Orientation = Orientation.Horizontal;
        legend.TightHorizontalWrapping = true;
        legend.InterItemPadding = new PixelPadding(6, ItemGap, 2, 2);
        legend.OutlineWidth = 0;
        legend.ShadowColor = Colors.Transparent;
        legend.BackgroundColor = Colors.Transparent;
        legend.Margin = new PixelPadding(0);
        // ScottPlot's own layout says whether the items still fit on one row at a size.
        using var paint = Paint.NewDisposablePaint();
        for (var size = LegendSize; size >= SmallestLegendSize; size--)
        {
            legend.FontSize = size;
            var rows = legend.GetLayout(new PixelSize(room, 200), paint).SymbolRects.Select(symbol => symbol.Top).Distinct().Count();
            if (rows <= 1)
            {
                break;
            }
        }
    }
}
