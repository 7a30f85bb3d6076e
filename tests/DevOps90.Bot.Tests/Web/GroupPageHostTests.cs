using System.Net;
using System.Net.Http.Headers;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Web;

/// <summary>The public page of a study group, served by the real host on loopback.</summary>
public sealed class GroupPageHostTests : IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Get_PageOff_Is404_AsForAGroupThatDoesNotExist()
    {
        await using var page = await SeededGroupPage.StartAsync(pageOn: false);

        var off = await _client.GetAsync(new Uri(page.BaseAddress, "/groups/console"));
        var none = await _client.GetAsync(new Uri(page.BaseAddress, "/groups/nobody"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (off.StatusCode, none.StatusCode));
        Assert.Equal(await none.Content.ReadAsStringAsync(), await off.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_PageOn_ShowsTheGroupTodayAndTomorrowTheNextPostAndTheCalendar_InTheGroupsLanguage()
    {
        await using var page = await SeededGroupPage.StartAsync();
        var index = page.Host.Services.GetRequiredService<ContentLibrary>().Current;

        var response = await _client.GetAsync(new Uri(page.BaseAddress, "/groups/console"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"fr-FR\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>console</h1>", html, StringComparison.Ordinal);
        Assert.Contains(Encoded(index.FindLesson("2022", "fr", 7).Lesson!.Title), html, StringComparison.Ordinal);
        Assert.Contains(Encoded(index.FindLesson("2022", "fr", 8).Lesson!.Title), html, StringComparison.Ordinal);
        Assert.Contains("Classement de la semaine", html, StringComparison.Ordinal);
        // 18:00 in Paris is 17:00 UTC, for the script to show in the visitor's zone; the group's time without it.
        Assert.Contains("<time datetime=\"2027-01-07T17:00:00Z\" data-local=\"\">jeudi 7 janvier 18:00 (Europe/Paris)</time>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"study today\" aria-current=\"date\">", html, StringComparison.Ordinal);
        Assert.Contains("class=\"skipped upcoming\"", html, StringComparison.Ordinal);
        Assert.Contains("Jour 90", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Leaderboard_ShowsDisplayNamesEncoded_NeverIdsNorHiddenMembers()
    {
        await using var page = await SeededGroupPage.StartAsync();

        var html = await _client.GetStringAsync(new Uri(page.BaseAddress, "/groups/console"));

        Assert.Contains("<td>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Ada</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Grace Hopper</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SeededGroupPage.HiddenName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("discord:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678901234567", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterACheckInOrASettingsChange_ServesTheNewPage_UnchangedAnswers304()
    {
        await using var page = await SeededGroupPage.StartAsync();
        var address = new Uri(page.BaseAddress, "/groups/console");
        var first = await _client.GetAsync(address);

        using var again = new HttpRequestMessage(HttpMethod.Get, address);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var unchanged = await _client.SendAsync(again);
        await page.Participation.CheckInAsync(page.Cohort, "discord:999999999999999999", 7, "Linus");
        var afterCheckIn = await _client.GetStringAsync(address);
        await page.Host.Services.GetRequiredService<CohortRegistry>().SaveAsync(page.Cohort with { PublicPage = false });
        var afterOff = await _client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        Assert.Contains("Linus", afterCheckIn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterOff.StatusCode);
    }

    [Fact]
    public async Task Get_TheNextDay_ShowsTheNextLessonAsToday()
    {
        await using var page = await SeededGroupPage.StartAsync();
        var address = new Uri(page.BaseAddress, "/groups/console");
        var before = await _client.GetStringAsync(address);

        page.Clock.Advance(TimeSpan.FromDays(1));
        var after = await _client.GetStringAsync(address);

        Assert.Contains("<li class=\"study today\" aria-current=\"date\"><time class=\"date\" datetime=\"2027-01-07\">", before, StringComparison.Ordinal);
        Assert.Contains("<li class=\"study today\" aria-current=\"date\"><time class=\"date\" datetime=\"2027-01-08\">", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HeadersKeepThePageToItsOwnAssets_WhichAreServed()
    {
        await using var page = await SeededGroupPage.StartAsync();

        var response = await _client.GetAsync(new Uri(page.BaseAddress, "/groups/console"));
        var html = await response.Content.ReadAsStringAsync();
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/assets/web/site.css\\?v=[0-9a-f]+)\"").Groups[1].Value;
        var css = await _client.GetAsync(new Uri(page.BaseAddress, stylesheet));
        var missing = await _client.GetAsync(new Uri(page.BaseAddress, "/assets/web/other.js"));

        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/css") { CharSet = "utf-8" }, css.Content.Headers.ContentType);
        Assert.Contains("prefers-color-scheme: dark", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string Encoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);
}
