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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> ForText = new(StringComparer.Ordinal);

    /// <summary>The family to set on every plot, or null when no usable font is installed.</summary>
    public static string? Family => Resolved.Value;

    /// <summary>
    /// A family that has every letter of <paramref name="labels"/>: <see cref="Family"/> when it does (Latin
    /// scripts), else the first installed family that does (a CJK font for Chinese, Japanese or Korean labels), else
    /// <see cref="Family"/>, whose boxes at least keep the layout.
    /// </summary>
    public static string? FamilyFor(string labels)
    {
        var letters = string.Concat(labels.Where(letter => !char.IsWhiteSpace(letter)).Distinct().Order());
        return ForText.GetOrAdd(letters, static wanted =>
        {
            if (Family is { } usual && Has(usual, wanted))
            {
                return usual;
            }

            try
            {
                return SKFontManager.Default.GetFontFamilies().FirstOrDefault(family => Has(family, wanted)) ?? Family;
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
            {
                return Family;
            }
        });
    }

    private static bool Has(string family, string letters)
    {
        using var typeface = SKTypeface.FromFamilyName(family);
        return typeface is not null && typeface.FamilyName == family && typeface.ContainsGlyphs(letters);
    }

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
