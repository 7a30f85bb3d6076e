using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Web.Assets;

namespace DevOps90.Bot.Web.Html;

/// <summary>What every page of the bot starts and ends with: language, viewport, schemes, its own stylesheet and script.</summary>
internal static class PageLayout
{
    public static HtmlWriter Begin(BotText text, string title)
    {
        var html = new HtmlWriter().Raw("<!DOCTYPE html>").Open("html", ("lang", text.Culture.Name), ("dir", text.Culture.TextInfo.IsRightToLeft ? "rtl" : "ltr"));
        html.Open("head").Raw("<meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"color-scheme\" content=\"light dark\">")
            // Members' names are on the pages: they are for whoever has the address, not for search engines.
            .Raw("<meta name=\"robots\" content=\"noindex, nofollow\">")
            .Element("title", title)
            .Open("link", ("rel", "stylesheet"), ("href", WebAssets.Address("site.css")))
            .Open("script", ("src", WebAssets.Address("localtime.js")), ("defer", "")).Close("script")
            .Close("head");
        return html.Open("body").Element("a", text["Web.Skip"], ("class", "skip"), ("href", "#main"));
    }

    public static string End(HtmlWriter html, BotText text) =>
        html.Open("footer").Element("p", text["Web.Footer"]).Close("footer").Close("body").Close("html").ToString();

    /// <summary>A section headed by an h2 that labels it.</summary>
    public static void Section(HtmlWriter html, string id, string heading, Action body)
    {
        html.Open("section", ("id", id), ("aria-labelledby", id + "-heading")).Element("h2", heading, ("id", id + "-heading"));
        body();
        html.Close("section");
    }
}
