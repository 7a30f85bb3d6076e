using SkiaSharp;

namespace DevOps90.Bot.Reports.Tests.Charts;

/// <summary>Reads a rendered PNG back into pixels, the way a chat client would show it.</summary>
internal static class Png
{
    public static SKBitmap Decode(byte[] png)
    {
        Assert.True(png.Length > 8, "no image");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable PNG");
    }

    /// <summary>The share of pixels that are not the white background.</summary>
    public static double InkShare(SKBitmap image) => image.Pixels.Count(pixel => pixel != SKColors.White) / (double)image.Pixels.Length;

    /// <summary>Distinct colours, rounded to 32 levels per channel so anti-aliasing shades do not count.</summary>
    public static int DistinctColours(SKBitmap image) => image.Pixels.Select(pixel => (pixel.Red >> 3, pixel.Green >> 3, pixel.Blue >> 3)).Distinct().Count();

    public static bool IsNear(SKColor pixel, string hex, int tolerance = 24)
    {
        var expected = SKColor.Parse(hex);
        return Math.Abs(pixel.Red - expected.Red) <= tolerance
            && Math.Abs(pixel.Green - expected.Green) <= tolerance
            && Math.Abs(pixel.Blue - expected.Blue) <= tolerance;
    }
}
