using System.Text;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>
/// A member's own certificate from the link <c>/certificate</c> gave them: no sign-in, the signed token is the proof.
/// A forged or altered token, one for another group, or a group that is gone: 404, telling nothing; a genuine token
/// past its time: 403, saying to ask again; a member who is no longer done (an undo): 404 with the days left.
/// </summary>
internal static class CertificateEndpoint
{
    public const string Limit = "certificate";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(GroupPageAddress.PathPrefix + "{id}/" + CertificateLinks.FileName, ServeAsync).RequireRateLimiting(Limit);

    private static async Task<IResult> ServeAsync(
        string id, string? token, HttpContext context, CertificateLinks links, ICohortDirectory cohorts, Certificates certificates, BotDefaults defaults)
    {
        var headers = context.Response.Headers;
        // Personal: kept by no shared cache, and the token is not passed on to another site.
        headers.CacheControl = "private, no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        if (links.Read(id, token) is not { } grant || cohorts.Find(grant.Cohort) is not { } cohort)
        {
            return Results.NotFound();
        }

        var text = LanguageChoice.TextFor(grant.Language, cohort.Language ?? defaults.Language);
        if (grant.Expired)
        {
            return Results.Text(text["Certificate.LinkExpired"], "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
        }

        return Answer(await certificates.ForAsync(cohort, grant.MemberId, null, text, context.RequestAborted).ConfigureAwait(false), text);
    }

    /// <summary>The PNG; before the end, 404 with how many days remain. The dashboard's download answers the same.</summary>
    public static IResult Answer(CertificateOutcome outcome, BotText text) =>
        outcome.Image is { } image
            ? Results.File(image.Content.ToArray(), image.ContentType, image.FileName)
            : Results.Text(text.Format("Certificate.NotYet", outcome.DaysDone, outcome.TotalDays, outcome.DaysLeft), "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
}
