using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;
using SkiaSharp;

namespace DevOps90.Bot.Reports.Tests.Charts;

/// <summary>
/// Chinese, Japanese and Korean labels are written with an installed font that has their letters (DejaVu, the usual
/// choice, has none of them). CI installs one (fonts-wqy-microhei); elsewhere these skip when there is none.
/// </summary>
public sealed class CjkChartTests
{
    private readonly ScottPlotParticipationCharts _charts = new();

    [SkippableTheory]
    [InlineData("学习小组的参与情况 第 2 天 签到")]
    [InlineData("學習小組的參與情況 第 2 天")]
    [InlineData("参加状況 レッスンの日 チェックイン")]
    [InlineData("참여 현황 레슨 날짜 체크인")]
    public void FamilyFor_CjkLabels_IsAFontThatHasEveryLetter(string labels)
    {
        Skip.If(InstalledFamilyWith(labels) is null, "no installed font has these letters (Debian: fonts-wqy-microhei or fonts-noto-cjk)");

        var family = ChartFonts.FamilyFor(labels);

        Assert.NotNull(family);
        using var typeface = SKTypeface.FromFamilyName(family);
        Assert.True(typeface.ContainsGlyphs(labels.Replace(" ", "", StringComparison.Ordinal)), $"{family} lacks some of \"{labels}\"");
    }

    [SkippableFact]
    public void RenderCohort_ChineseLabels_DrawsTheTitleInACjkFont()
    {
        var labels = new ChartLabels("学习小组的参与情况", "课程日", "签到", "柱：该课程日的签到", "线：当天活跃的成员");
        Skip.If(InstalledFamilyWith(labels.Title) is null, "no installed font has Chinese letters");
        var days = new[] { new CohortChartDay(1, 3, 4) };

        using var titled = Png.Decode(_charts.RenderCohort(new CohortChart(labels, days)));
        using var untitled = Png.Decode(_charts.RenderCohort(new CohortChart(labels with { Title = " " }, days)));

        var titleBand = Enumerable.Range(0, 800).SelectMany(x => Enumerable.Range(0, 40).Select(y => (x, y)));
        Assert.Contains(titleBand, point => titled.GetPixel(point.x, point.y) != untitled.GetPixel(point.x, point.y));
    }

    private static string? InstalledFamilyWith(string labels) =>
        SKFontManager.Default.GetFontFamilies().FirstOrDefault(family =>
        {
            using var typeface = SKTypeface.FromFamilyName(family);
            return typeface?.FamilyName == family && typeface.ContainsGlyphs(labels.Replace(" ", "", StringComparison.Ordinal));
        });
}
