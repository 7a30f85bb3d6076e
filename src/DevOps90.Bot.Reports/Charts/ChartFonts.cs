using SkiaSharp;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>
/// The font the charts write with, chosen once per process. SkiaSharp's Linux build without dependencies (the one
/// ScottPlot brings) finds fonts by scanning /usr/share/fonts itself, without fontconfig, so a machine or container with
/// no font there has none at all: the charts are then drawn without text rather than not at all.
/// </summary>
internal static class ChartFonts
{
    /// <summary>Where SkiaSharp's font manager looks (its only folder in this build).</summary>
    public const string Folder = "/usr/share/fonts";

    // The files Skia's folder-scanning font manager loads; any other file there is not a font to it.
    private static readonly string[] FontFileExtensions = [".ttf", ".ttc", ".otf", ".pfb"];

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

    /// <summary>Whether <paramref name="folder"/> or a folder below it holds a file Skia would load as a font.</summary>
    public static bool AnyFontFile(string folder)
    {
        try
        {
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Any(file => FontFileExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
