using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;

namespace DevOps90.Bot.Reports.Tests.Charts;

public sealed class CohortChartTests
{
    private static readonly ChartLabels English = new("Participation", "Lesson day", "Check-ins", "Bars: check-ins of that lesson day", "Line: members active on that lesson's date");
    private static readonly ChartLabels French = new("Participation — cohorte à Paris", "Jour de leçon", "Validations", "Barres : validations de ce jour de leçon", "Ligne : membres actifs à la date de ce jour");

    private readonly ScottPlotParticipationCharts _charts = new();

    [Fact]
    public void RenderCohort_NinetyDays_IsAChartSizedPngWithInk()
    {
        var days = Enumerable.Range(1, 90).Select(day => new CohortChartDay(day, 200 - day * 2, 230 - day * 2)).ToArray();

        using var image = Png.Decode(_charts.RenderCohort(new CohortChart(English, days)));

        Assert.Equal(800, image.Width);
        Assert.Equal(400, image.Height);
        Assert.InRange(Png.InkShare(image), 0.15, 0.9);
        Assert.True(Png.DistinctColours(image) >= 4, $"{Png.DistinctColours(image)} colours");
    }

    [Fact]
    public void RenderCohort_OneBusyDay_DrawsItsBarFarTallerThanTheOthers()
    {
        // Active members above every bar, so the line never crosses one.
        var days = Enumerable.Range(1, 30).Select(day => new CohortChartDay(day, day == 12 ? 100 : 10, 120)).ToArray();

        using var image = Png.Decode(_charts.RenderCohort(new CohortChart(English, days)));

        var heights = Enumerable.Range(0, image.Width)
            .Select(x => Enumerable.Range(0, image.Height).Count(y => Png.IsNear(image.GetPixel(x, y), "#56B4E9")))
            .Where(height => height > 0)
            .Order()
            .ToArray();
        // Legend swatch columns are short and few; the median column is one of the 29 small bars.
        var small = heights[heights.Length / 2];
        Assert.True(heights[^1] >= small * 6, $"tallest {heights[^1]} px, typical {small} px");
    }

    [Fact]
    public void RenderCohort_NoDays_StillDrawsTheEmptyChart()
    {
        using var image = Png.Decode(_charts.RenderCohort(new CohortChart(English, [])));

        Assert.Equal(800, image.Width);
        Assert.Equal(400, image.Height);
        Assert.True(Png.InkShare(image) > 0.001, "an axis frame at least");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(14)]
    [InlineData(45)]
    [InlineData(91)]
    public void RenderCohort_FrenchLabelsAnyLength_Renders(int length)
    {
        var days = Enumerable.Range(1, length).Select(day => new CohortChartDay(day, day % 7, 8)).ToArray();

        using var image = Png.Decode(_charts.RenderCohort(new CohortChart(French, days)));

        Assert.Equal(800, image.Width);
    }

    [Fact]
    public void RenderCohort_DaysOutOfOrderAndZeroCounts_Renders()
    {
        CohortChartDay[] days = [new(3, 0, 0), new(1, 0, 0), new(2, 0, 5)];

        using var image = Png.Decode(_charts.RenderCohort(new CohortChart(English, days)));

        Assert.Equal(400, image.Height);
    }

    [SkippableFact]
    public void RenderCohort_WhereFontsAreInstalled_DrawsTheTitle()
    {
        Skip.If(ChartFonts.Family is null, "no font in /usr/share/fonts: charts are drawn without text here");
        var days = new[] { new CohortChartDay(1, 3, 4) };

        using var titled = Png.Decode(_charts.RenderCohort(new CohortChart(French with { Title = "Participation à venir" }, days)));
        using var untitled = Png.Decode(_charts.RenderCohort(new CohortChart(French with { Title = " " }, days)));

        var titleBand = Enumerable.Range(0, 800).SelectMany(x => Enumerable.Range(0, 40).Select(y => (x, y)));
        Assert.Contains(titleBand, point => titled.GetPixel(point.x, point.y) != untitled.GetPixel(point.x, point.y));
    }

    [SkippableFact]
    public void ChartFonts_DejaVuInstalled_IsChosen()
    {
        Skip.IfNot(File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), "DejaVu Sans is not installed here");

        Assert.Equal("DejaVu Sans", ChartFonts.Family);
    }

    [Fact]
    public async Task RenderCohort_ManyAtOnce_AllRender()
    {
        var days = Enumerable.Range(1, 20).Select(day => new CohortChartDay(day, day, 20)).ToArray();

        var images = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _charts.RenderCohort(new CohortChart(English, days)))));

        Assert.All(images, png => Assert.Equal(800, Png.Decode(png).Width));
    }

    [SkippableFact]
    public void FitTitle_TooLongForTheImage_ShrinksThenEndsWithAnEllipsis()
    {
        Skip.If(ChartFonts.Family is null, "no font to measure with here");

        var (shortText, shortSize) = ChartStyle.FitTitle("Participation", 770, ChartFonts.Family);
        var (longText, longSize) = ChartStyle.FitTitle(string.Concat(Enumerable.Repeat("Participation à Lyon ", 10)), 770, ChartFonts.Family);

        Assert.Equal(("Participation", ChartStyle.TitleSize), (shortText, shortSize));
        Assert.True(longSize < ChartStyle.TitleSize);
        Assert.EndsWith("…", longText, StringComparison.Ordinal);
        Assert.StartsWith("Participation à Lyon", longText, StringComparison.Ordinal);
    }
}
