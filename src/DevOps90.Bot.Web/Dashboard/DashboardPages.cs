using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Web.Html;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>What a moderator's dashboard of one group shows, each part as the bot's own reply where one exists.</summary>
internal sealed record CohortDashboard(
    string CohortId,
    BotText Text,
    IReadOnlyList<LessonActivity> Activity,
    Reply Summary,
    Reply Streaks,
    Reply Deliveries,
    Reply Settings,
    Reply? Outcome,
    Func<string, string> MemberName);

/// <summary>The dashboard's pages: signed out, the list of one's groups, one group, and refusals.</summary>
internal static class DashboardPages
{
    /// <summary>The settings a form may change: those of <c>/cohort</c> that take a value or none.</summary>
    public static readonly string[] Actions = ["time", "zone", "start", "cadence", "skip", "language", "curriculum", "role", "leaderboard", "page", "threads", "milestones", "milestone-role", "freeze-every", "freeze-max", "pause", "resume"];

    /// <param name="slack">Whether Slack's sign-in is configured (Discord's button is always there).</param>
    public static string SignedOut(BotText text, string? problem, bool slack)
    {
        var html = PageLayout.Begin(text, text["Dash.Heading"]);
        html.Open("header").Element("p", "#90DaysOfDevOps", ("class", "brand")).Element("h1", text["Dash.Heading"]).Close("header");
        html.Open("main", ("id", "main"));
        PageLayout.Section(html, "signin", text["Dash.SignIn"], () =>
        {
            if (problem is not null)
            {
                html.Element("p", problem, ("class", "problem"), ("role", "alert"));
            }

            html.Element("p", text["Dash.SignInIntro"]).Element("a", text["Dash.SignIn"], ("class", "button"), ("href", "/dashboard/signin/discord"));
            if (slack)
            {
                html.Element("a", text["Dash.SignInSlack"], ("class", "button"), ("href", "/dashboard/signin/slack"));
            }
        });
        return PageLayout.End(html.Close("main"), text);
    }

    public static string Groups(BotText text, ModeratorSession session)
    {
        var html = Begin(text, text["Dash.Heading"], session);
        PageLayout.Section(html, "groups", text["Dash.Groups"], () =>
        {
            if (session.Cohorts.Length == 0)
            {
                html.Element("p", text["Dash.NoGroups"]);
                return;
            }

            html.Open("ul");
            foreach (var cohort in session.Cohorts)
            {
                html.Open("li").Element("a", cohort, ("href", "/dashboard/" + Uri.EscapeDataString(cohort))).Close("li");
            }

            html.Close("ul");
        });
        return PageLayout.End(html.Close("main"), text);
    }

    public static string Denied(BotText text, ModeratorSession session)
    {
        var html = Begin(text, text["Dash.Heading"], session);
        PageLayout.Section(html, "denied", text["Dash.Heading"], () => html.Element("p", text["Dash.Denied"], ("role", "alert")));
        return PageLayout.End(html.Close("main"), text);
    }

    public static string Cohort(CohortDashboard page, ModeratorSession session)
    {
        var text = page.Text;
        var html = Begin(text, text.Format("Dash.Title", page.CohortId), session, page.CohortId);
        if (page.Outcome is { } outcome)
        {
            html.Open("div", ("class", outcome.IsError ? "problem" : "saved"), ("role", "status"));
            ReplyHtml.Write(html, outcome with { Fields = [], Title = null }, "h2");
            html.Close("div");
        }

        PageLayout.Section(html, "chart", text["Dash.Chart"], () =>
            ActivityChart.Write(html, page.Activity, text.Format("Chart.Title", page.CohortId), text["Chart.DayAxis"], text["Chart.CheckIns"], text["Chart.Active"]));
        PageLayout.Section(html, "summary", text["Dash.Summary"], () => ReplyHtml.Write(html, page.Summary, "h3", page.MemberName));
        PageLayout.Section(html, "streaks", text["Dash.Streaks"], () => ReplyHtml.Write(html, page.Streaks, "h3", page.MemberName));
        PageLayout.Section(html, "export", text["Dash.ExportHeading"], () =>
            html.Open("p").Element("a", text["Dash.Export"], ("href", $"/dashboard/{Uri.EscapeDataString(page.CohortId)}/export.csv"), ("download", "")).Close("p")
                .Open("p").Element("a", text["Certificate.Link"], ("href", $"/dashboard/{Uri.EscapeDataString(page.CohortId)}/certificate.png"), ("download", "")).Close("p"));
        PageLayout.Section(html, "deliveries", text["Dash.Deliveries"], () => ReplyHtml.Write(html, page.Deliveries, "h3", page.MemberName));
        PageLayout.Section(html, "settings", text["Dash.Settings"], () =>
        {
            ReplyHtml.Write(html, page.Settings with { Title = null }, "h3");
            SettingsForm(html, text, page.CohortId, session);
        });
        return PageLayout.End(html.Close("main"), text);
    }

    private static void SettingsForm(HtmlWriter html, BotText text, string cohortId, ModeratorSession session)
    {
        html.Open("form", ("method", "post"), ("action", $"/dashboard/{Uri.EscapeDataString(cohortId)}/settings"), ("class", "settings"))
            .Open("input", ("type", "hidden"), ("name", "csrf"), ("value", session.Csrf))
            .Element("label", text["Dash.Setting"], ("for", "action")).Open("select", ("id", "action"), ("name", "action"));
        foreach (var action in Actions)
        {
            html.Element("option", action, ("value", action));
        }

        html.Close("select")
            .Element("label", text["Dash.Value"], ("for", "value")).Open("input", ("id", "value"), ("name", "value"), ("type", "text"), ("autocomplete", "off"))
            .Element("button", text["Dash.Save"], ("type", "submit")).Close("form");
    }

    private static HtmlWriter Begin(BotText text, string title, ModeratorSession session, string? heading = null)
    {
        var html = PageLayout.Begin(text, title);
        html.Open("header").Element("p", "#90DaysOfDevOps", ("class", "brand")).Element("h1", heading ?? text["Dash.Heading"])
            .Open("form", ("method", "post"), ("action", "/dashboard/signout"), ("class", "signout"))
            .Element("span", session.DisplayName ?? "", ("class", "who")).Text(" ")
            .Open("input", ("type", "hidden"), ("name", "csrf"), ("value", session.Csrf))
            .Element("button", text["Dash.SignOut"], ("type", "submit")).Close("form")
            .Element("a", text["Dash.Groups"], ("href", "/dashboard")).Close("header");
        return html.Open("main", ("id", "main"));
    }
}
