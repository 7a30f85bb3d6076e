using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>Who signed in with Slack: their workspace, their user id there, their name.</summary>
internal sealed record SlackIdentity(string TeamId, string UserId, string? DisplayName);

/// <summary>
/// "Sign in with Slack" (https://api.slack.com/authentication/sign-in-with-slack), OpenID Connect's authorization code
/// flow: openid.connect.token exchanges the code (with the client secret, so the answer comes from Slack over TLS and
/// its ID token needs no signature check, OpenID Connect Core 3.1.3.7), the ID token's nonce and audience are
/// compared with ours, and openid.connect.userInfo names the user. The token is used once and never stored.
/// </summary>
internal sealed class SlackOidcClient(HttpClient http, IOptions<WebOptions> options)
{
    public const string Scopes = "openid profile";

    private SlackSignInOptions Settings => options.Value.Slack;

    public Uri AuthorizeAddress(string redirectUri, string state, string nonce) => new(
        $"{Settings.AuthorizeUrl}?response_type=code&client_id={Uri.EscapeDataString(Settings.ClientId!)}" +
        $"&scope={Uri.EscapeDataString(Scopes)}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
        $"&state={Uri.EscapeDataString(state)}&nonce={Uri.EscapeDataString(nonce)}");

    /// <summary>The user the code belongs to; null when Slack refuses it or its ID token is not for this sign-in.</summary>
    public async Task<SlackIdentity?> SignInAsync(string code, string redirectUri, string nonce, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = Settings.ClientId!,
            ["client_secret"] = Settings.ClientSecret!,
        });
        using var response = await http.PostAsync(new Uri(Api("openid.connect.token")), form, cancellationToken).ConfigureAwait(false);
        // Slack answers 200 with "ok": false for a refused code.
        var token = response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync(DashboardJson.Default.SlackTokenResponse, cancellationToken).ConfigureAwait(false)
            : null;
        if (token is not { Ok: true, AccessToken: { Length: > 0 } accessToken, IdToken: { Length: > 0 } idToken } || !IsForThisSignIn(idToken, nonce))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, Api("openid.connect.userInfo"));
        request.Headers.Authorization = new("Bearer", accessToken);
        using var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var user = answer.IsSuccessStatusCode
            ? await answer.Content.ReadFromJsonAsync(DashboardJson.Default.SlackUserInfo, cancellationToken).ConfigureAwait(false)
            : null;
        return user is { Ok: true, TeamId: { Length: > 0 } team, UserId: { Length: > 0 } id } ? new SlackIdentity(team, id, user.Name) : null;
    }

    /// <summary>The ID token's nonce is the one this browser's sign-in sent, and its audience is this app.</summary>
    private bool IsForThisSignIn(string idToken, string nonce)
    {
        var parts = idToken.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var claims = JsonSerializer.Deserialize(Base64UrlDecode(parts[1]), DashboardJson.Default.SlackIdTokenClaims);
            return claims is { Nonce: { } sent, Audience: { } audience }
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(nonce))
                && audience == Settings.ClientId;
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return false;
        }
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private string Api(string method) => $"{Settings.ApiBaseUrl.TrimEnd('/')}/{method}";
}

internal sealed record SlackTokenResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("id_token")] string? IdToken);

internal sealed record SlackIdTokenClaims(
    [property: JsonPropertyName("nonce")] string? Nonce,
    [property: JsonPropertyName("aud")] string? Audience);

internal sealed record SlackUserInfo(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("https://slack.com/user_id")] string? UserId,
    [property: JsonPropertyName("https://slack.com/team_id")] string? TeamId,
    [property: JsonPropertyName("name")] string? Name);
