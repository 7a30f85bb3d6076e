using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>Participation charts drawn with ScottPlot (on SkiaSharp) as PNG images sized for a chat message.</summary>
public sealed class ScottPlotParticipationCharts : IParticipationCharts
{
    public byte[] RenderCohort(CohortChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return CohortChartRenderer.Render(chart);
    }

    public byte[] RenderMember(MemberChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return MemberChartRenderer.Render(chart);
    }
}
