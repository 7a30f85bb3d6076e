using System.Globalization;
using DevOps90.Bot.Core;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Web.Html;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>
/// A group's page as one HTML document: landmarks (header, main, footer), one h1 and a heading per section, a table
/// with a caption for the leaderboard, and the calendar's states written out in words, not only in colour.
/// </summary>
internal static class GroupPageRenderer
{
    public static string Render(GroupPageView page)
    {
        var text = page.Text;
        var html = PageLayout.Begin(text, text.Format("Web.Title", page.CohortId));
        Header(html, page);
        html.Open("main", ("id", "main"));
        PageLayout.Section(html, "today", text["Web.Today"], () => ReplyHtml.Write(html, page.Today, "h3"));
        PageLayout.Section(html, "next", text["Web.Next"], () => ReplyHtml.Write(html, page.Next, "h3"));
        PageLayout.Section(html, "post", text["Web.NextPost"], () => NextPost(html, page));
        PageLayout.Section(html, "leaderboard", text["Web.Leaderboard"], () => Leaderboard(html, page));
        PageLayout.Section(html, "calendar", text["Web.Calendar"], () => Calendar(html, page));
        html.Close("main");
        return PageLayout.End(html, text);
    }

    private static void Header(HtmlWriter html, GroupPageView page)
    {
        var text = page.Text;
        html.Open("header").Element("p", "#90DaysOfDevOps", ("class", "brand")).Element("h1", page.CohortId)
            .Open("dl", ("class", "meta"))
            .Open("div").Element("dt", text["Web.Edition"]).Element("dd", page.Edition).Close("div")
            .Open("div").Element("dt", text["Web.Language"]).Element("dd", page.LanguageName).Close("div")
            .Close("dl").Close("header");
    }

    private static void NextPost(HtmlWriter html, GroupPageView page)
    {
        var text = page.Text;
        if (page.NextPost is not { } post)
        {
            html.Element("p", text["Web.NextPost.None"]);
            return;
        }

        // The instant in UTC for the script, which rewrites it in the visitor's zone; the group's clock without script.
        html.Open("p").Open("time", ("datetime", post.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), ("data-local", ""))
            .Text($"{post.GroupTime} ({post.TimeZoneId})").Close("time").Close("p")
            .Element("p", text.Format("Web.NextPost.Note", post.TimeZoneId), ("class", "note"));
    }

    private static void Leaderboard(HtmlWriter html, GroupPageView page)
    {
        var text = page.Text;
        if (page.Leaderboard.Count == 0)
        {
            html.Element("p", text["Web.Leaderboard.Empty"]);
        }
        else
        {
            html.Open("table").Element("caption", text["Web.Leaderboard.Caption"], ("class", "visually-hidden"))
                .Open("thead").Open("tr")
                .Element("th", text["Web.Rank"], ("scope", "col"), ("class", "number"))
                .Element("th", text["Web.Member"], ("scope", "col"))
                .Element("th", text["Web.Days"], ("scope", "col"), ("class", "number"))
                .Element("th", text["Web.Streak"], ("scope", "col"), ("class", "number"))
                .Close("tr").Close("thead").Open("tbody");
            foreach (var line in page.Leaderboard)
            {
                html.Open("tr")
                    .Element("td", line.Rank.ToString(text.Culture), ("class", "number"))
                    .Element("td", line.DisplayName ?? text["Web.Anonymous"])
                    .Element("td", line.DaysDone.ToString(text.Culture), ("class", "number"))
                    .Element("td", line.Streak.ToString(text.Culture), ("class", "number"))
                    .Close("tr");
            }

            html.Close("tbody").Close("table");
        }

        html.Element("p", text["Web.Leaderboard.Note"], ("class", "note"));
    }

    private static void Calendar(HtmlWriter html, GroupPageView page)
    {
        var text = page.Text;
        html.Open("ul", ("class", "legend"), ("aria-label", text["Web.Calendar.Legend"]))
            .Element("li", text["Web.Cal.Past"], ("class", "past"))
            .Element("li", text["Web.Cal.Today"], ("class", "today"))
            .Element("li", text["Web.Cal.Next"], ("class", "next"))
            .Element("li", text["Web.Cal.Off"], ("class", "off"))
            .Close("ul");
        html.Open("ol", ("class", "calendar"));
        foreach (var cell in page.Calendar)
        {
            html.Open("li", ("class", $"{Word(cell.Kind)} {Word(cell.When)}"), ("aria-current", cell.When == CellWhen.Today ? "date" : null))
                .Element("time", ShortDate(text, cell.Date), ("class", "date"), ("datetime", IsoDate.ToText(cell.Date)))
                .Element("span", What(text, cell), ("class", "what"));
            if (cell.When is CellWhen.Today or CellWhen.Next || cell.Kind == CellKind.Study)
            {
                html.Element("span", When(text, cell.When), ("class", "visually-hidden"));
            }

            html.Close("li");
        }

        html.Close("ol");
    }

    private static string What(BotText text, CalendarCell cell) => cell.Kind switch
    {
        CellKind.Study => text.Format("Web.Cal.Day", cell.LessonDay),
        CellKind.Skipped => text["Web.Cal.Skipped"],
        CellKind.Paused => text["Web.Cal.Paused"],
        _ => text["Web.Cal.Rest"],
    };

    private static string When(BotText text, CellWhen when) => when switch
    {
        CellWhen.Past => text["Web.Cal.Past"],
        CellWhen.Today => text["Web.Cal.Today"],
        CellWhen.Next => text["Web.Cal.Next"],
        _ => text["Web.Cal.Upcoming"],
    };

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string ShortDate(BotText text, DateOnly date) =>
        text.Language is "ja" or "ko" or "zh-cn" or "zh-tw"
            ? date.ToString(text.Culture.DateTimeFormat.MonthDayPattern, text.Culture)
            : date.ToString("ddd d MMM", text.Culture);
}
