using System.Net;
using DevOps90.Bot.Core.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// The seeded host with sign-in against <see cref="FakeDiscordOAuth"/>, and a Discord study group, "evenings", whose
/// channel is in the fake's server and which names a moderator role besides the server's managers.
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    public const string CohortId = "evenings";
    public const string ModeratorRole = "555000000000000009";

    private DashboardHost(SeededGroupPage page, FakeDiscordOAuth discord) => (Page, Discord) = (page, discord);

    public SeededGroupPage Page { get; }

    public FakeDiscordOAuth Discord { get; }

    public Cohort Cohort => Page.Host.Services.GetRequiredService<ICohortDirectory>().Find(new CohortId(CohortId))!;

    /// <param name="publicAddress">False: no Web:PublicBaseUrl, so the sign-in comes back to the address the browser used.</param>
    public static async Task<DashboardHost> StartAsync(bool publicAddress = true)
    {
        var discord = await FakeDiscordOAuth.StartAsync();
        var page = await SeededGroupPage.StartAsync(
            settings: publicAddress ? discord.Settings : [.. discord.Settings, "--Web:PublicBaseUrl="],
            overrides: services => services.AddSingleton<ICommunityDirectory>(new OneServer("discord", FakeDiscordOAuth.Guild)));
        await page.Host.Services.GetRequiredService<CohortRegistry>().SaveAsync(page.Cohort with
        {
            Id = new CohortId(CohortId),
            Target = new ChatTarget("discord", "888000000000000001"),
            Moderators = ["role:" + ModeratorRole],
        });
        return new DashboardHost(page, discord);
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        await Discord.DisposeAsync();
    }

    /// <summary>Every channel is in the one server of the fake.</summary>
    private sealed class OneServer(string platform, string community) : ICommunityDirectory
    {
        public string Platform => platform;

        public Task<string?> CommunityOfAsync(string channel, CancellationToken cancellationToken = default) => Task.FromResult<string?>(community);
    }
}

/// <summary>
/// An HTTP client that goes through the sign-in as a browser would, keeping the cookies itself (a cookie container
/// would not send Secure cookies over the loopback's http).
/// </summary>
internal sealed class DashboardClient(Uri bot) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyList<string> SetCookieHeaders { get; private set; } = [];

    /// <summary>Start, the platform's authorize, the callback: the status of the callback's answer.</summary>
    public async Task<HttpStatusCode> SignInAsync(string platform = "discord")
    {
        var start = await SendAsync(HttpMethod.Get, new Uri(bot, $"/dashboard/signin/{platform}"));
        var authorize = await _http.GetAsync(start.Headers.Location);
        // The callback address is the public one (Web:PublicBaseUrl), which a reverse proxy would bring to this host.
        var callback = await SendAsync(HttpMethod.Get, new Uri(bot, authorize.Headers.Location!.PathAndQuery));
        return callback.StatusCode;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, new Uri(bot, path));

    public Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form) =>
        SendAsync(HttpMethod.Post, new Uri(bot, path), new FormUrlEncodedContent(form));

    /// <summary>The CSRF token a page's forms carry.</summary>
    public static string Csrf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"csrf\" value=\"([0-9a-f]+)\"").Groups[1].Value;

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri address, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, address) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            SetCookieHeaders = [.. setCookies];
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }
}
