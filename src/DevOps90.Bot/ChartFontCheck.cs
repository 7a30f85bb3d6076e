using DevOps90.Bot.Reports;

namespace DevOps90.Bot;

/// <summary>
/// Says at start whether the charts will have text: a container without fonts draws them without any, which nobody
/// would otherwise notice until a moderator asks for a chart. Only the font files are looked for here (in the
/// background: it walks the font folders); the font itself is chosen with SkiaSharp when the first chart is drawn, so
/// an idle bot does not hold Skia's library and fonts (3-4 MB, bench/README.md).
/// </summary>
internal sealed partial class ChartFontCheck(ILogger<ChartFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            if (!ReportsSetup.HasChartFontFiles())
            {
                LogNoFont(logger);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No font found under /usr/share/fonts: charts will be drawn without text (install e.g. fonts-dejavu-core)")]
    private static partial void LogNoFont(ILogger logger);
}
