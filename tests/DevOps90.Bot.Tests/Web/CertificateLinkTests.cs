using System.Net;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Tests.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// A member's certificate from the web through the private link <c>/certificate</c> gives: the real host on loopback
/// on a fake clock (<see cref="SeededGroupPage"/>); Ada has done every lesson day of the console group.
/// </summary>
public sealed class CertificateLinkTests : IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Link_AsGiven_ServesThePng_PrivatelyAndUncached()
    {
        await using var page = await StartAsync();
        var link = Links(page).LinkFor(new CohortId("console"), SeededGroupPage.AdaId, "en")!;

        using var response = await GetAsync(page, link);

        Assert.StartsWith("https://bot.example.org/groups/console/certificate.png?token=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789012345671", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await response.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task Link_Forged_Altered_Missing_OrForAnotherGroup_Is404_TellingNothing()
    {
        await using var page = await StartAsync();
        var genuine = Links(page).LinkFor(new CohortId("console"), SeededGroupPage.AdaId, "en")!.Query;
        var token = genuine["?token=".Length..];
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var otherGroup = Links(page).LinkFor(new CohortId("other"), SeededGroupPage.AdaId, "en")!.Query;

        var answers = new List<HttpResponseMessage>
        {
            await GetAsync(page, "/groups/console/certificate.png?token=" + altered),
            await GetAsync(page, "/groups/console/certificate.png?token=not-a-token"),
            await GetAsync(page, "/groups/console/certificate.png"),
            // A genuine token, but for another group: it does not open this one.
            await GetAsync(page, "/groups/console/certificate.png" + otherGroup),
        };

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode));
        Assert.All(answers, answer => Assert.Equal(0, answer.Content.Headers.ContentLength ?? 0));
        answers.ForEach(answer => answer.Dispose());
    }

    [Fact]
    public async Task Link_AfterItsSevenDays_Is403_SayingToAskAgain_InTheMembersLanguage()
    {
        await using var page = await StartAsync();
        var link = Links(page).LinkFor(new CohortId("console"), SeededGroupPage.AdaId, "en")!;
        page.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using var stillValid = await GetAsync(page, link);
        page.Clock.Advance(TimeSpan.FromMinutes(2));

        using var expired = await GetAsync(page, link);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("This certificate link has expired: ask for /certificate again for a new one.", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Link_ForAMemberNoLongerDone_Is404_WithTheDaysLeft()
    {
        await using var page = await StartAsync();
        var link = Links(page).LinkFor(new CohortId("console"), SeededGroupPage.GraceId, "fr")!;

        using var response = await GetAsync(page, link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Le certificat vient une fois toutes les leçons faites : 1 jours sur 90, encore 89.", await response.Content.ReadAsStringAsync());
    }

    private static async Task<SeededGroupPage> StartAsync()
    {
        var page = await SeededGroupPage.StartAsync();
        await CertificateOnDiscordTests.FinishAsync(page.Host.Services, SeededGroupPage.AdaId);
        return page;
    }

    private static ICertificateLinks Links(SeededGroupPage page) => page.Host.Services.GetRequiredService<ICertificateLinks>();

    private Task<HttpResponseMessage> GetAsync(SeededGroupPage page, Uri link) => GetAsync(page, link.PathAndQuery);

    private Task<HttpResponseMessage> GetAsync(SeededGroupPage page, string pathAndQuery) => _client.GetAsync(new Uri(page.BaseAddress, pathAndQuery));
}
