using System.Text;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// The moderators' dashboard: the list of one's groups, a group's dashboard, its CSV export, and its settings changed
/// through <c>/cohort</c> by a form that must carry the session's CSRF token; signing in is <see cref="DashboardSignIn"/>.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard", Home);
        DashboardSignIn.Map(endpoints);
        endpoints.MapPost("/dashboard/signout", SignOutAsync);
        endpoints.MapGet("/dashboard/{id}", CohortAsync);
        endpoints.MapPost("/dashboard/{id}/settings", ChangeAsync);
        endpoints.MapGet("/dashboard/{id}/export.csv", ExportAsync);
        endpoints.MapGet("/dashboard/{id}/certificate.png", CertificateAsync);
    }

    private static IResult Home(HttpContext context, ModeratorSessions sessions, BotDefaults defaults, IOptions<WebOptions> options)
    {
        var text = BotText.For(defaults.Language);
        return sessions.Read(context) is { } session ? Page(DashboardPages.Groups(text, session)) : Page(DashboardPages.SignedOut(text, null, options.Value.Slack.IsConfigured));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ModeratorSessions sessions)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (sessions.Read(context) is { } session && !session.Accepts(form["csrf"]))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        ModeratorSessions.SignOut(context);
        return Results.Redirect("/dashboard", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> CohortAsync(string id, HttpContext context, ModeratorSessions sessions, DashboardData data, BotDefaults defaults, IOptions<WebOptions> options)
    {
        if (Guard(context, sessions, defaults, options, id) is { } refused)
        {
            return refused;
        }

        var page = await data.BuildAsync(sessions.Read(context)!, id, null, context.RequestAborted).ConfigureAwait(false);
        return page is null ? Results.NotFound() : Page(DashboardPages.Cohort(page, sessions.Read(context)!));
    }

    private static async Task<IResult> ChangeAsync(
        string id, HttpContext context, ModeratorSessions sessions, ModeratorCheck check, DashboardData data, BotDefaults defaults, IOptions<WebOptions> options)
    {
        if (Guard(context, sessions, defaults, options, id) is { } refused)
        {
            return refused;
        }

        var session = sessions.Read(context)!;
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!session.Accepts(form["csrf"]))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await RecheckAsync(context, sessions, check, defaults, session, id).ConfigureAwait(false) is { } lost)
        {
            return lost;
        }

        var action = form["action"].ToString();
        if (!DashboardPages.Actions.Contains(action, StringComparer.Ordinal))
        {
            return Results.BadRequest();
        }

        var value = form["value"].ToString() is { Length: > 0 } typed ? typed : null;
        var outcome = await data.ChangeAsync(session, id, action, value, context.RequestAborted).ConfigureAwait(false);
        var page = await data.BuildAsync(session, id, outcome, context.RequestAborted).ConfigureAwait(false);
        return page is null ? Results.NotFound() : Page(DashboardPages.Cohort(page, session), outcome.IsError ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ExportAsync(
        string id, HttpContext context, ModeratorSessions sessions, ModeratorCheck check, BotDefaults defaults, IOptions<WebOptions> options, ICohortDirectory cohorts, ParticipationReports reports)
    {
        if (Guard(context, sessions, defaults, options, id) is { } refused)
        {
            return refused;
        }

        if (await RecheckAsync(context, sessions, check, defaults, sessions.Read(context)!, id).ConfigureAwait(false) is { } lost)
        {
            return lost;
        }

        if (cohorts.Find(new CohortId(id)) is not { } cohort)
        {
            return Results.NotFound();
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"participation-{cohort.Id}.csv\"";
        await reports.WriteExportAsync(cohort, null, null, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>
    /// The signed-in member's certificate (or, for a moderator handing one over, <c>?member=discord:…</c>'s), the same
    /// PNG <c>/certificate</c> sends, in the group's language; before the end, 404 with how many days remain.
    /// </summary>
    private static async Task<IResult> CertificateAsync(
        string id, string? member, HttpContext context, ModeratorSessions sessions, BotDefaults defaults, IOptions<WebOptions> options, ICohortDirectory cohorts, Certificates certificates)
    {
        if (Guard(context, sessions, defaults, options, id) is { } refused)
        {
            return refused;
        }

        if (cohorts.Find(new CohortId(id)) is not { } cohort)
        {
            return Results.NotFound();
        }

        var session = sessions.Read(context)!;
        var memberId = string.IsNullOrWhiteSpace(member) ? session.MemberId : member.Trim();
        var text = BotText.For(cohort.Language ?? defaults.Language);
        var displayName = memberId == session.MemberId ? session.DisplayName : null;
        return GroupPages.CertificateEndpoint.Answer(await certificates.ForAsync(cohort, memberId, displayName, text, context.RequestAborted).ConfigureAwait(false), text);
    }

    /// <summary>Signed out: the sign-in page (401); signed in without this group: refused (403).</summary>
    private static IResult? Guard(HttpContext context, ModeratorSessions sessions, BotDefaults defaults, IOptions<WebOptions> options, string cohortId)
    {
        var text = BotText.For(defaults.Language);
        if (sessions.Read(context) is not { } session)
        {
            return Page(DashboardPages.SignedOut(text, null, options.Value.Slack.IsConfigured), StatusCodes.Status401Unauthorized);
        }

        return session.Moderates(cohortId) ? null : Page(DashboardPages.Denied(text, session), StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Asks the platform again before a change or an export: a moderator whose rights there ended is refused (403) and
    /// the group leaves their session, so its pages are refused too.
    /// </summary>
    private static async Task<IResult?> RecheckAsync(HttpContext context, ModeratorSessions sessions, ModeratorCheck check, BotDefaults defaults, ModeratorSession session, string cohortId)
    {
        if (await check.StillModeratesAsync(session, cohortId, context.RequestAborted).ConfigureAwait(false))
        {
            return null;
        }

        var reduced = session.Without(cohortId);
        sessions.SignIn(context, reduced);
        return Page(DashboardPages.Denied(BotText.For(defaults.Language), reduced), StatusCodes.Status403Forbidden);
    }

    internal static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
