using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// A signed-in moderator: who, which groups they moderate (decided at sign-in with the bot's own rule, and asked again
/// before each change), the token their forms must carry (CSRF), and until when. Kept in the browser as an encrypted,
/// signed cookie: HttpOnly, Secure, SameSite=Lax, host-only. A Discord moderator's read-only sign-in token
/// (identify, guilds, guilds.members.read) travels in it too, since Discord tells their rights only to that token.
/// </summary>
internal sealed record ModeratorSession(string MemberId, string? DisplayName, string[] Cohorts, string Csrf, DateTimeOffset Expires, string? DiscordToken = null)
{
    public const string CookieName = "__Host-devops90-session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public bool Moderates(string cohortId) => Cohorts.Contains(cohortId, StringComparer.Ordinal);

    /// <summary>The same session without one group, for a moderator whose rights there have ended.</summary>
    public ModeratorSession Without(string cohortId) => this with { Cohorts = [.. Cohorts.Where(id => id != cohortId)] };

    // Records print every member; the tokens must never reach a log.
    public override string ToString() => $"ModeratorSession {{ MemberId = {MemberId}, Cohorts = {Cohorts.Length}, Expires = {Expires:O} }}";

    /// <summary>Whether a form's token is this session's, compared in constant time.</summary>
    public bool Accepts(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(Csrf));
}

/// <summary>Writes and reads the session cookie through ASP.NET Core data protection.</summary>
internal sealed class ModeratorSessions(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DevOps90.Bot.Web.Dashboard.Session.v1");

    public void SignIn(HttpContext context, ModeratorSession session) =>
        context.Response.Cookies.Append(
            ModeratorSession.CookieName,
            _protector.Protect(JsonSerializer.Serialize(session, DashboardJson.Default.ModeratorSession)),
            Options(session.Expires));

    public static void SignOut(HttpContext context) => context.Response.Cookies.Delete(ModeratorSession.CookieName, Options(null));

    public ModeratorSession? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(ModeratorSession.CookieName, out var value))
        {
            return null;
        }

        try
        {
            var session = JsonSerializer.Deserialize(_protector.Unprotect(value), DashboardJson.Default.ModeratorSession);
            return session is not null && session.Expires > time.GetUtcNow() ? session : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            // Forged, tampered with, or from keys this instance no longer has: signed out.
            return null;
        }
    }

    public static CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
