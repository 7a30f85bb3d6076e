using System.Globalization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Web.Html;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// Check-ins per lesson day (bars) with the members active that day (a line), drawn as SVG on the server: the data
/// of <c>/participation chart</c>. The numbers are also in a table below it, for screen readers and for copying.
/// </summary>
internal static class ActivityChart
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Margin = 28;

    public static void Write(HtmlWriter html, IReadOnlyList<LessonActivity> days, string title, string dayLabel, string checkInsLabel, string activeLabel)
    {
        var top = Math.Max(1, days.Count == 0 ? 1 : days.Max(day => Math.Max(day.CheckIns, day.ActiveMembers)));
        var step = (Width - (2.0 * Margin)) / Math.Max(1, days.Count);
        html.Open("svg", ("class", "chart"), ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"), ("aria-labelledby", "chart-title"))
            .Element("title", title, ("id", "chart-title"))
            .Open("line", ("x1", N(Margin)), ("y1", N(Height - Margin)), ("x2", N(Width - Margin)), ("y2", N(Height - Margin)), ("class", "axis")).Close("line")
            .Element("text", top.ToString(CultureInfo.InvariantCulture), ("x", "2"), ("y", N(Margin)), ("class", "label"));
        var points = new List<string>();
        for (var index = 0; index < days.Count; index++)
        {
            var day = days[index];
            var x = Margin + (index * step);
            var height = Y(day.CheckIns, top);
            html.Open("rect", ("x", N(x + (step * 0.15))), ("y", N(Height - Margin - height)), ("width", N(step * 0.7)), ("height", N(height)), ("class", "bar"))
                .Element("title", $"{dayLabel} {day.Day}: {day.CheckIns} {checkInsLabel}, {day.ActiveMembers} {activeLabel}").Close("rect");
            points.Add($"{N(x + (step / 2))},{N(Height - Margin - Y(day.ActiveMembers, top))}");
        }

        html.Open("polyline", ("points", string.Join(' ', points)), ("class", "active")).Close("polyline").Close("svg");
        html.Open("p", ("class", "legend-line")).Element("span", checkInsLabel, ("class", "key bar")).Text(" ").Element("span", activeLabel, ("class", "key active")).Close("p");
        html.Open("details").Element("summary", title).Open("table").Open("thead").Open("tr")
            .Element("th", dayLabel, ("scope", "col")).Element("th", checkInsLabel, ("scope", "col")).Element("th", activeLabel, ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var day in days)
        {
            html.Open("tr").Element("td", N(day.Day)).Element("td", N(day.CheckIns)).Element("td", N(day.ActiveMembers)).Close("tr");
        }

        html.Close("tbody").Close("table").Close("details");
    }

    private static double Y(int value, int top) => (Height - (2.0 * Margin)) * value / top;

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
