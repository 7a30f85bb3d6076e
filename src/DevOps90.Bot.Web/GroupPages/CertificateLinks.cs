using System.Globalization;
using System.Security.Cryptography;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Reports;
using Microsoft.AspNetCore.DataProtection;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>What a genuine certificate link vouches for: whose, in which group and language; and whether its time is over.</summary>
internal sealed record CertificateGrant(CohortId Cohort, string MemberId, string Language, bool Expired);

/// <summary>
/// Signs and reads the members' certificate links, <c>/groups/{id}/certificate.png?token=…</c>: the token is the
/// group, the member, the language and an expiry, encrypted and authenticated with ASP.NET Core data protection (the
/// keys the dashboard's cookies use, kept in the database), so it can be neither read nor forged nor moved to another
/// group, and no member id appears in the address. The expiry is checked against the bot's clock.
/// </summary>
internal sealed class CertificateLinks(IDataProtectionProvider protection, TimeProvider time, GroupPageAddress pages) : ICertificateLinks
{
    public const string FileName = "certificate.png";

    private readonly IDataProtector _protector = protection.CreateProtector("DevOps90.Bot.Web.Certificate.v1");

    public TimeSpan Lifetime => TimeSpan.FromDays(7);

    public Uri? LinkFor(CohortId cohort, string memberId, string language)
    {
        if (pages.Of(cohort) is not { } page)
        {
            return null;
        }

        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        // Protect(string) answers base64url: safe in a query string as it is.
        var token = _protector.Protect(string.Join('\n', cohort.Value, memberId, language, expires));
        return new Uri($"{page.AbsoluteUri}/{FileName}?token={token}");
    }

    /// <summary>The grant a token carries for group <paramref name="cohortId"/>; null when forged, altered or for another group.</summary>
    public CertificateGrant? Read(string cohortId, string? token)
    {
        string[] parts;
        try
        {
            parts = string.IsNullOrEmpty(token) ? [] : _protector.Unprotect(token).Split('\n');
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (parts is not [var cohort, var member, var language, var expires] || cohort != cohortId
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until))
        {
            return null;
        }

        return new CertificateGrant(new CohortId(cohort), member, language, Expired: until <= time.GetUtcNow().ToUnixTimeSeconds());
    }
}
