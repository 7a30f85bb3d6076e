using DevOps90.Bot.Core.Reports;
using SkiaSharp;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>
/// A certificate drawn with SkiaSharp (the drawing library under ScottPlot): a landscape card, 1200 x 800 px, framed in
/// the charts' blue, with centred lines in the font the charts use for the same letters (a CJK font for Chinese,
/// Japanese or Korean), a long name shrunk to fit. Without any installed font the lines are left out, as charts do.
/// </summary>
internal sealed class SkiaCertificateRenderer : ICertificateRenderer
{
    public const int Width = 1200;
    public const int Height = 800;
    private const float Margin = 90;

    private static readonly SKColor Blue = SKColor.Parse(ChartPalette.Blue.ToHex());
    private static readonly SKColor Orange = SKColor.Parse(ChartPalette.Orange.ToHex());
    private static readonly SKColor Ink = SKColor.Parse(ChartPalette.Text.ToHex());

    public byte[] Render(CertificateCard card)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var frame = new SKPaint { Color = Blue, Style = SKPaintStyle.Stroke, StrokeWidth = 14, IsAntialias = true })
        {
            canvas.DrawRect(28, 28, Width - 56, Height - 56, frame);
        }

        using (var accent = new SKPaint { Color = Orange, Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true })
        {
            canvas.DrawRect(48, 48, Width - 96, Height - 96, accent);
            canvas.DrawLine(Width / 2f - 160, 345, Width / 2f + 160, 345, accent);
        }

        var family = ChartFonts.FamilyFor(string.Concat(card.Heading, card.Name, card.Completed, card.Group, card.Edition, card.Dates, card.Days));
        if (family is not null)
        {
            using var typeface = SKTypeface.FromFamilyName(family);
            Line(canvas, typeface, card.Heading, 170, 54, Blue, bold: true);
            Line(canvas, typeface, card.Name, 300, 66, Ink, bold: true);
            Line(canvas, typeface, card.Completed, 420, 36, Ink);
            Line(canvas, typeface, card.Group, 520, 30, Ink);
            Line(canvas, typeface, card.Edition, 570, 30, Ink);
            Line(canvas, typeface, card.Dates, 620, 30, Ink);
            Line(canvas, typeface, card.Days, 690, 34, Blue, bold: true);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    // A line centred on the card, made smaller until it fits between the margins.
    private static void Line(SKCanvas canvas, SKTypeface typeface, string text, float baseline, float size, SKColor color, bool bold = false)
    {
        using var font = new SKFont(typeface, size) { Embolden = bold, Edging = SKFontEdging.Antialias };
        var room = Width - (2 * Margin);
        while (font.Size > 12 && font.MeasureText(text) > room)
        {
            font.Size -= 2;
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, Width / 2f, baseline, SKTextAlign.Center, font, paint);
    }
}
