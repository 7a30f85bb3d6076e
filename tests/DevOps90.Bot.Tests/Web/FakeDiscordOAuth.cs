using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// Discord's OAuth2 endpoints as far as the dashboard uses them, on loopback: authorize (signs in whoever the test
/// says, at once), the token exchange (which checks the client secret and the PKCE verifier against the challenge),
/// and the user, their servers with their permissions, and their roles in a server.
/// </summary>
internal sealed class FakeDiscordOAuth : IAsyncDisposable
{
    public const string ClientId = "4242";
    public const string ClientSecret = "test-client-secret";
    public const string Guild = "777000000000000001";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Challenge, FakeDiscordUser User)> _codes = new();
    private readonly ConcurrentDictionary<string, FakeDiscordUser> _tokens = new();

    private FakeDiscordOAuth(WebApplication app) => _app = app;

    /// <summary>Who the next authorize signs in.</summary>
    public FakeDiscordUser NextUser { get; set; } = FakeDiscordUser.Moderator;

    /// <summary>Token exchanges refused because the verifier did not match the challenge.</summary>
    public int RefusedVerifiers { get; private set; }

    public string BaseAddress => _app.Urls.First();

    public string[] Settings =>
    [
        $"--Web:Discord:ClientId={ClientId}", $"--Web:Discord:ClientSecret={ClientSecret}",
        $"--Web:Discord:AuthorizeUrl={BaseAddress}/oauth2/authorize", $"--Web:Discord:ApiBaseUrl={BaseAddress}/api",
    ];

    public static async Task<FakeDiscordOAuth> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeDiscordOAuth(app);
        app.MapGet("/oauth2/authorize", (Func<HttpContext, IResult>)fake.Authorize);
        app.MapPost("/api/oauth2/token", (Func<HttpContext, Task<IResult>>)fake.TokenAsync);
        app.MapGet("/api/users/@me", (HttpContext context) => fake.UserOf(context) is { } user
            ? Results.Json(new Dictionary<string, string> { ["id"] = user.Id, ["username"] = user.Name, ["global_name"] = user.Name })
            : Results.Unauthorized());
        app.MapGet("/api/users/@me/guilds", (HttpContext context) => fake.UserOf(context) is { } user
            ? Results.Json(new[] { new Dictionary<string, string> { ["id"] = Guild, ["permissions"] = user.Permissions } })
            : Results.Unauthorized());
        app.MapGet("/api/users/@me/guilds/{guild}/member", (string guild, HttpContext context) => fake.UserOf(context) is { } user && guild == Guild
            ? Results.Json(new Dictionary<string, string[]> { ["roles"] = user.Roles })
            : Results.NotFound());
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);

    /// <summary>The user's rights change on Discord: every token of theirs now reads this.</summary>
    public void Change(FakeDiscordUser user)
    {
        foreach (var (token, holder) in _tokens)
        {
            if (holder.Id == user.Id)
            {
                _tokens[token] = user;
            }
        }
    }

    /// <summary>The user removed the app from their authorised apps: their tokens answer 401.</summary>
    public void Deauthorize() => _tokens.Clear();

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId || query["code_challenge_method"] != "S256" || query["response_type"] != "code")
        {
            return Results.BadRequest();
        }

        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (query["code_challenge"].ToString(), NextUser);
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_secret"] != ClientSecret || !_codes.TryRemove(form["code"].ToString(), out var granted))
        {
            return Results.BadRequest();
        }

        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (challenge != granted.Challenge)
        {
            RefusedVerifiers++;
            return Results.BadRequest();
        }

        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = granted.User;
        return Results.Json(new Dictionary<string, string> { ["access_token"] = token, ["token_type"] = "Bearer" });
    }

    private FakeDiscordUser? UserOf(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? _tokens.GetValueOrDefault(header["Bearer ".Length..])
            : null;
}

/// <summary>A Discord user of the fake: permissions in the server (a decimal bit set) and roles there.</summary>
internal sealed record FakeDiscordUser(string Id, string Name, string Permissions, string[] Roles)
{
    /// <summary>Manage Server (1 &lt;&lt; 5).</summary>
    public static readonly FakeDiscordUser Moderator = new("100000000000000001", "Mod Erator", "32", []);

    public static readonly FakeDiscordUser Member = new("100000000000000002", "Just Amember", "0", []);

    public static readonly FakeDiscordUser WithModeratorRole = new("100000000000000003", "Role Holder", "0", ["555000000000000009"]);
}
