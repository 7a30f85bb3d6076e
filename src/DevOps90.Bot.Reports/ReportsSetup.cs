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
}
