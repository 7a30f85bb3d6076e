using System.Security.Cryptography;
using System.Text;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// Signing in to the dashboard with Discord (authorization code with PKCE) or Slack (OpenID Connect with a nonce):
/// the state is checked against this browser's cookie, the routes are rate-limited, and the session records the groups
/// the member moderates at that moment.
/// </summary>
internal static class DashboardSignIn
{
    public const string SignInLimit = "signin";
    private const string OAuthCookie = "__Host-devops90-oauth";
    private static readonly TimeSpan _oauthLifetime = TimeSpan.FromMinutes(10);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/signin/discord", StartSignIn).RequireRateLimiting(SignInLimit);
        endpoints.MapGet("/dashboard/signin/discord/callback", FinishSignInAsync).RequireRateLimiting(SignInLimit);
        endpoints.MapGet("/dashboard/signin/slack", StartSlackSignIn).RequireRateLimiting(SignInLimit);
        endpoints.MapGet("/dashboard/signin/slack/callback", FinishSlackSignInAsync).RequireRateLimiting(SignInLimit);
    }

    private static IResult StartSignIn(HttpContext context, IOptions<WebOptions> options, DiscordOAuthClient discord, IDataProtectionProvider protection, TimeProvider time, BotDefaults defaults)
    {
        if (!options.Value.Discord.IsConfigured)
        {
            return Refused(BotText.For(defaults.Language), "Dash.NotConfigured", options.Value, StatusCodes.Status503ServiceUnavailable);
        }

        var (state, verifier) = BeginFlow(context, protection, time);
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return Results.Redirect(discord.AuthorizeAddress(RedirectUri(context, options.Value, "discord"), state, challenge).AbsoluteUri);
    }

    private static IResult StartSlackSignIn(HttpContext context, IOptions<WebOptions> options, SlackOidcClient slack, IDataProtectionProvider protection, TimeProvider time, BotDefaults defaults)
    {
        if (!options.Value.Slack.IsConfigured)
        {
            return Refused(BotText.For(defaults.Language), "Dash.NotConfigured", options.Value, StatusCodes.Status503ServiceUnavailable);
        }

        // The flow's secret is the nonce the ID token must carry back.
        var (state, nonce) = BeginFlow(context, protection, time);
        return Results.Redirect(slack.AuthorizeAddress(RedirectUri(context, options.Value, "slack"), state, nonce).AbsoluteUri);
    }

    private static async Task<IResult> FinishSlackSignInAsync(
        HttpContext context, IOptions<WebOptions> options, SlackOidcClient slack, ModeratorCheck check, ModeratorSessions sessions,
        IDataProtectionProvider protection, TimeProvider time, BotDefaults defaults)
    {
        var text = BotText.For(defaults.Language);
        var signedIn = EndFlow(context, protection, time) is { } flow
            ? await slack.SignInAsync(flow.Code, RedirectUri(context, options.Value, "slack"), flow.Secret, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (signedIn is not { } identity)
        {
            return Refused(text, "Dash.SignInFailed", options.Value, StatusCodes.Status400BadRequest);
        }

        var cohorts = await check.SlackCohortsAsync(identity, context.RequestAborted).ConfigureAwait(false);
        sessions.SignIn(context, new ModeratorSession(
            ModeratorCheck.SlackMemberId(identity), identity.DisplayName, cohorts, ModeratorSession.NewToken(), time.GetUtcNow() + ModeratorSession.Lifetime));
        return Results.Redirect("/dashboard");
    }

    private static async Task<IResult> FinishSignInAsync(
        HttpContext context, IOptions<WebOptions> options, DiscordOAuthClient discord, ModeratorCheck check, ModeratorSessions sessions,
        IDataProtectionProvider protection, TimeProvider time, BotDefaults defaults)
    {
        var text = BotText.For(defaults.Language);
        if (EndFlow(context, protection, time) is not { } flow)
        {
            return Refused(text, "Dash.SignInFailed", options.Value, StatusCodes.Status400BadRequest);
        }

        var signedIn = await discord.SignInAsync(flow.Code, RedirectUri(context, options.Value, "discord"), flow.Secret, context.RequestAborted).ConfigureAwait(false);
        if (signedIn is not { } found)
        {
            return Refused(text, "Dash.SignInFailed", options.Value, StatusCodes.Status400BadRequest);
        }

        var cohorts = await check.DiscordCohortsAsync(found.Identity, found.Token, context.RequestAborted).ConfigureAwait(false);
        sessions.SignIn(context, new ModeratorSession(
            ModeratorCheck.MemberId(found.Identity.UserId), found.Identity.DisplayName, cohorts, ModeratorSession.NewToken(), time.GetUtcNow() + ModeratorSession.Lifetime,
            found.Token));
        return Results.Redirect("/dashboard");
    }

    /// <summary>The sign-in page again, saying why (<paramref name="reason"/>, a text key).</summary>
    private static IResult Refused(BotText text, string reason, WebOptions options, int status) =>
        DashboardEndpoints.Page(DashboardPages.SignedOut(text, text[reason], options.Slack.IsConfigured), status);

    private static string RedirectUri(HttpContext context, WebOptions options, string platform) =>
        (options.PublicBaseUri?.AbsoluteUri.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}") + $"/dashboard/signin/{platform}/callback";

    /// <summary>
    /// Starts a sign-in: a fresh state and a secret (Discord's PKCE verifier, Slack's nonce), kept for ten minutes in
    /// an encrypted cookie of this browser's, so the callback can be matched to it.
    /// </summary>
    private static (string State, string Secret) BeginFlow(HttpContext context, IDataProtectionProvider protection, TimeProvider time)
    {
        var state = ModeratorSession.NewToken();
        var secret = ModeratorSession.NewToken() + ModeratorSession.NewToken();
        var expires = time.GetUtcNow() + _oauthLifetime;
        context.Response.Cookies.Append(OAuthCookie, Protector(protection).Protect($"{state}|{secret}|{expires.ToUnixTimeSeconds()}"), ModeratorSessions.Options(expires));
        return (state, secret);
    }

    /// <summary>The callback's code and the flow's secret, when its state is the one this browser's cookie kept; once.</summary>
    private static (string Code, string Secret)? EndFlow(HttpContext context, IDataProtectionProvider protection, TimeProvider time)
    {
        var query = context.Request.Query;
        var started = ReadOAuthCookie(context, protection, time);
        context.Response.Cookies.Delete(OAuthCookie, ModeratorSessions.Options(null));
        return started is { } flow && query["state"].ToString() is { Length: > 0 } state
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(flow.State))
            && query["code"].ToString() is { Length: > 0 } code
                ? (code, flow.Secret)
                : null;
    }

    private static (string State, string Secret)? ReadOAuthCookie(HttpContext context, IDataProtectionProvider protection, TimeProvider time)
    {
        if (!context.Request.Cookies.TryGetValue(OAuthCookie, out var value))
        {
            return null;
        }

        try
        {
            var parts = Protector(protection).Unprotect(value).Split('|');
            return parts.Length == 3 && long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) > time.GetUtcNow().ToUnixTimeSeconds() ? (parts[0], parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("DevOps90.Bot.Web.Dashboard.OAuth.v1");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
