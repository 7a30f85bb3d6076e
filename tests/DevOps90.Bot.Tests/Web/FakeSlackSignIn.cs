using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// "Sign in with Slack" as far as the dashboard uses it, on loopback: authorize (signs in whoever the test says, at
/// once), openid.connect.token (checks the client secret and the redirect address; answers "ok": false otherwise, as
/// Slack does) with an unsigned ID token carrying the nonce, and openid.connect.userInfo for the user token.
/// </summary>
internal sealed class FakeSlackSignIn : IAsyncDisposable
{
    public const string ClientId = "1111.2222";
    public const string ClientSecret = "test-slack-client-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Nonce, string RedirectUri, SignedInSlackUser User)> _codes = new();
    private readonly ConcurrentDictionary<string, SignedInSlackUser> _tokens = new();

    private FakeSlackSignIn(WebApplication app) => _app = app;

    /// <summary>Who the next authorize signs in.</summary>
    public SignedInSlackUser NextUser { get; set; } = new("T0FAKE", "U0ADMIN", "Ad Min");

    /// <summary>When set, the ID token carries this nonce instead of the one the sign-in sent.</summary>
    public string? ForgedNonce { get; set; }

    public string BaseAddress => _app.Urls.First();

    public string[] Settings =>
    [
        $"--Web:Slack:ClientId={ClientId}", $"--Web:Slack:ClientSecret={ClientSecret}",
        $"--Web:Slack:AuthorizeUrl={BaseAddress}/openid/connect/authorize", $"--Web:Slack:ApiBaseUrl={BaseAddress}/api",
    ];

    public static async Task<FakeSlackSignIn> StartAsync()
    {
        var app = LoopbackApp.Create();
        var fake = new FakeSlackSignIn(app);
        app.MapGet("/openid/connect/authorize", (Func<HttpContext, IResult>)fake.Authorize);
        app.MapPost("/api/openid.connect.token", (Func<HttpContext, Task<IResult>>)fake.TokenAsync);
        app.MapGet("/api/openid.connect.userInfo", (Func<HttpContext, IResult>)fake.UserInfo);
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["scope"] != "openid profile")
        {
            return Results.BadRequest();
        }

        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (query["nonce"].ToString(), query["redirect_uri"].ToString(), NextUser);
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_codes.TryRemove(form["code"].ToString(), out var issued) || form["redirect_uri"] != issued.RedirectUri)
        {
            return Results.Json(new JsonObject { ["ok"] = false, ["error"] = "invalid_code" });
        }

        var token = "xoxp-" + Guid.NewGuid().ToString("N");
        _tokens[token] = issued.User;
        var claims = new JsonObject { ["iss"] = "https://slack.com", ["aud"] = ClientId, ["sub"] = issued.User.UserId, ["nonce"] = ForgedNonce ?? issued.Nonce };
        var idToken = $"{Base64Url("{\"alg\":\"RS256\"}")}.{Base64Url(claims.ToJsonString())}.c2lnbmF0dXJl";
        return Results.Json(new JsonObject { ["ok"] = true, ["access_token"] = token, ["token_type"] = "Bearer", ["id_token"] = idToken });
    }

    private IResult UserInfo(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.TryGetValue(header["Bearer ".Length..], out var user))
        {
            return Results.Json(new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
        }

        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["sub"] = user.UserId,
            ["https://slack.com/user_id"] = user.UserId,
            ["https://slack.com/team_id"] = user.TeamId,
            ["name"] = user.Name,
        });
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Who the fake signs in: their workspace, user id and name.</summary>
internal sealed record SignedInSlackUser(string TeamId, string UserId, string Name);
