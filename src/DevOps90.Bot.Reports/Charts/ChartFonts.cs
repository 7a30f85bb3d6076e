using SkiaSharp;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>
/// The font the charts write with, chosen once per process. SkiaSharp's Linux build without dependencies (the one
/// ScottPlot brings) finds fonts by scanning /usr/share/fonts itself, without fontconfig, so a machine or container with
/// no font there has none at all: the charts are then drawn without text rather than not at all.
/// </summary>
internal static class ChartFonts
{
    // Letters the French labels need; a font without them would draw boxes instead of "à venir".
    private const string Probe = "Jour à venir, Validations, en retard: éèêçôù 0123456789";

    private static readonly string[] PreferredFamilies = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Open Sans", "Arial"];

    private static readonly Lazy<string?> Resolved = new(Resolve);

    /// <summary>The family to set on every plot, or null when no usable font is installed.</summary>
    public static string? Family => Resolved.Value;

    private static string? Resolve()
    {
        try
        {
            var installed = SKFontManager.Default.GetFontFamilies();
            foreach (var family in PreferredFamilies.Where(name => installed.Contains(name, StringComparer.OrdinalIgnoreCase)).Concat(installed))
            {
                using var typeface = SKTypeface.FromFamilyName(family);
                if (typeface is not null && typeface.ContainsGlyphs(Probe))
                {
                    return typeface.FamilyName;
                }
            }
        }
        // A broken font file or a missing native font manager must cost the labels, not the chart.
        catch (Exception exception) when (exception is IOException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
        }

        return null;
    }
}
