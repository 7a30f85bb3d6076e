using ScottPlot;

namespace DevOps90.Bot.Reports.Charts;

/// <summary>
/// Colours from the Okabe-Ito palette (https://jfly.uni-koeln.de/color/), which stays distinguishable with the common
/// colour vision deficiencies: blue and orange carry the meaning, greys the absence of it, never red against green.
/// </summary>
internal static class ChartPalette
{
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color Missed = Color.FromHex("#8C8C8C");
    public static readonly Color Upcoming = Color.FromHex("#EEEEEE");
    public static readonly Color UpcomingBorder = Color.FromHex("#C8C8C8");
    public static readonly Color Text = Color.FromHex("#222222");
    public static readonly Color Grid = Color.FromHex("#E3E3E3");
    public static readonly Color Background = Colors.White;
}
