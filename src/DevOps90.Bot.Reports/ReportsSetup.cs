using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;
using DevOps90.Bot.Reports.Csv;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Reports;

public static class ReportsSetup
{
    /// <summary>The CSV export writer and the participation charts; both are stateless, so one instance each serves every request.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ICheckInCsvWriter, CheckInCsvWriter>();
        services.AddSingleton<IParticipationCharts, ScottPlotParticipationCharts>();
        services.AddSingleton<ICertificateRenderer, SkiaCertificateRenderer>();
        return services;
    }

    /// <summary>The font family the charts write with, or null when none is installed (charts then have no text).</summary>
    public static string? ChartFontFamily => ChartFonts.Family;

    /// <summary>
    /// Whether the folder the charts find fonts in holds any font file, looked up without SkiaSharp: asking Skia
    /// (<see cref="ChartFontFamily"/>) loads its native library and every font it finds, 3-4 MB that an idle bot
    /// which never draws a chart should not hold.
    /// </summary>
    public static bool HasChartFontFiles(string folder = ChartFonts.Folder) => ChartFonts.AnyFontFile(folder);
}
