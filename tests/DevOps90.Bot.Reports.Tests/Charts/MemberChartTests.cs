using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;
using SkiaSharp;

namespace DevOps90.Bot.Reports.Tests.Charts;

public sealed class MemberChartTests
{
    private const string Blue = "#0072B2";
    private const string Orange = "#E69F00";
    private const string Grey = "#8C8C8C";
    private const string Light = "#EEEEEE";

    private static readonly MemberChartLabels English = new("Progress", "Day", "Done", "Done late", "Missed", "Upcoming");
    private static readonly MemberChartLabels French = new("Progression — Zoé", "Jour", "Fait", "en retard", "Manqué", "à venir");

    private readonly ScottPlotParticipationCharts _charts = new();

    [Fact]
    public void RenderMember_NinetyDays_IsSixRowsOfFifteen()
    {
        using var image = Png.Decode(_charts.RenderMember(new MemberChart(English, 90, 42, Set(1, 2, 3), Set())));

        Assert.Equal(MemberChartRenderer.WidthFor(), image.Width);
        Assert.Equal(MemberChartRenderer.HeightFor(90), image.Height);
        Assert.Equal(MemberChartRenderer.HeightFor(1) + 5 * MemberChartRenderer.CellPixels, image.Height);
        Assert.InRange(image.Width, 400, 800);
        Assert.True(Png.DistinctColours(image) >= 4, $"{Png.DistinctColours(image)} colours");
    }

    [Fact]
    public void RenderMember_EachState_HasItsColour()
    {
        // Day 1 on time, 2 late, 3 missed, 4 today and not done yet (open, not missed), 5 to come, 16 on the second row.
        var chart = new MemberChart(English, 20, 4, Set(1, 2, 16), Set(2));

        using var image = Png.Decode(_charts.RenderMember(chart));

        Assert.True(Png.IsNear(CellCorner(image, 1), Blue), $"day 1 {CellCorner(image, 1)}");
        Assert.True(Png.IsNear(CellCorner(image, 2), Orange), $"day 2 {CellCorner(image, 2)}");
        Assert.True(Png.IsNear(CellCorner(image, 3), Grey), $"day 3 {CellCorner(image, 3)}");
        Assert.True(Png.IsNear(CellCorner(image, 4), Light), $"day 4 {CellCorner(image, 4)}");
        Assert.True(Png.IsNear(CellCorner(image, 5), Light), $"day 5 {CellCorner(image, 5)}");
        Assert.True(Png.IsNear(CellCorner(image, 16), Blue), $"day 16 {CellCorner(image, 16)}");
        Assert.True(Png.IsNear(CellCorner(image, 17), Light), $"day 17 {CellCorner(image, 17)}");
    }

    [Fact]
    public void RenderMember_LateWithoutDone_CountsAsLate()
    {
        using var image = Png.Decode(_charts.RenderMember(new MemberChart(English, 5, 5, Set(), Set(2))));

        Assert.True(Png.IsNear(CellCorner(image, 2), Orange));
        Assert.True(Png.IsNear(CellCorner(image, 1), Grey));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(16, 30)]
    public void RenderMember_AnySize_RendersAValidPng(int totalDays, int currentDay)
    {
        using var image = Png.Decode(_charts.RenderMember(new MemberChart(French, totalDays, currentDay, Set(1), Set())));

        Assert.Equal(MemberChartRenderer.WidthFor(), image.Width);
        Assert.Equal(MemberChartRenderer.HeightFor(totalDays), image.Height);
    }

    [Fact]
    public void RenderMember_NoDays_StillShowsTheLegend()
    {
        using var image = Png.Decode(_charts.RenderMember(new MemberChart(English, 0, 0, Set(), Set())));

        Assert.Contains(image.Pixels, pixel => Png.IsNear(pixel, Orange, 8));
        Assert.Contains(image.Pixels, pixel => Png.IsNear(pixel, Blue, 8));
    }

    // A point just inside the top left corner of a day's cell: clear of its number and of today's ring.
    private static SKColor CellCorner(SKBitmap image, int day)
    {
        var column = (day - 1) % MemberChartRenderer.Columns;
        var row = (day - 1) / MemberChartRenderer.Columns;
        var x = MemberChartRenderer.SidePadding + (column + 0.22) * MemberChartRenderer.CellPixels;
        var y = MemberChartRenderer.TopPadding + (row + 0.22) * MemberChartRenderer.CellPixels;
        return image.GetPixel((int)x, (int)y);
    }

    private static HashSet<int> Set(params int[] days) => [.. days];
}
