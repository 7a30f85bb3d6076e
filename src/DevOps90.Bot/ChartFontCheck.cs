using DevOps90.Bot.Reports;

namespace DevOps90.Bot;

/// <summary>
/// Says at start whether the charts will have text: a container without fonts draws them without any, which nobody
/// would otherwise notice until a moderator asks for a chart. Looked up in the background; it scans the font folders.
/// </summary>
internal sealed partial class ChartFontCheck(ILogger<ChartFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            if (ReportsSetup.ChartFontFamily is { } family)
            {
                LogFont(logger, family);
            }
            else
            {
                LogNoFont(logger);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Charts are drawn with the font {Family}")]
    private static partial void LogFont(ILogger logger, string family);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No font found under /usr/share/fonts: charts will be drawn without text (install e.g. fonts-dejavu-core)")]
    private static partial void LogNoFont(ILogger logger);
}
