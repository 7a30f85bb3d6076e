using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>Who signed in with Discord: their user id, and per server their permissions there.</summary>
internal sealed record DiscordIdentity(string UserId, string? DisplayName, IReadOnlyDictionary<string, ulong> GuildPermissions);

/// <summary>
/// The OAuth2 authorization code flow with PKCE against Discord
/// (https://discord.com/developers/docs/topics/oauth2#authorization-code-grant): the token reads the user and their
/// servers at sign-in, and again before each change the moderator makes (it is kept only in their encrypted session
/// cookie, never on the server).
/// </summary>
internal sealed class DiscordOAuthClient(HttpClient http, IOptions<WebOptions> options)
{
    public const string Scopes = "identify guilds guilds.members.read";

    private DiscordSignInOptions Settings => options.Value.Discord;

    public Uri AuthorizeAddress(string redirectUri, string state, string codeChallenge) => new(
        $"{Settings.AuthorizeUrl}?response_type=code&client_id={Uri.EscapeDataString(Settings.ClientId!)}" +
        $"&scope={Uri.EscapeDataString(Scopes)}&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={Uri.EscapeDataString(state)}" +
        $"&code_challenge={codeChallenge}&code_challenge_method=S256&prompt=none");

    /// <summary>Exchanges the code for a token and reads who it belongs to; null when Discord refuses.</summary>
    public async Task<(DiscordIdentity Identity, string Token)?> SignInAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
            ["client_id"] = Settings.ClientId!,
            ["client_secret"] = Settings.ClientSecret!,
        });
        using var response = await http.PostAsync(new Uri(Api("oauth2/token")), form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var token = (await response.Content.ReadFromJsonAsync(DashboardJson.Default.TokenResponse, cancellationToken).ConfigureAwait(false))!.AccessToken;
        return await IdentityAsync(token, cancellationToken).ConfigureAwait(false) is { } identity ? (identity, token) : null;
    }

    /// <summary>Who the token belongs to and their permissions per server now; null once Discord no longer accepts it.</summary>
    public async Task<DiscordIdentity?> IdentityAsync(string token, CancellationToken cancellationToken)
    {
        var user = await GetAsync("users/@me", token, DashboardJson.Default.DiscordUser, cancellationToken).ConfigureAwait(false);
        var guilds = await GetAsync("users/@me/guilds", token, DashboardJson.Default.DiscordGuildArray, cancellationToken).ConfigureAwait(false);
        if (user is null || guilds is null)
        {
            return null;
        }

        var permissions = guilds.ToDictionary(
            guild => guild.Id,
            guild => ulong.TryParse(guild.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0UL,
            StringComparer.Ordinal);
        return new DiscordIdentity(user.Id, user.GlobalName ?? user.Username, permissions);
    }

    /// <summary>The user's roles in one server (scope guilds.members.read); none when they are not in it.</summary>
    public async Task<IReadOnlyList<string>> RolesAsync(string token, string guildId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Api($"users/@me/guilds/{Uri.EscapeDataString(guildId)}/member"));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync(DashboardJson.Default.DiscordMember, cancellationToken).ConfigureAwait(false))!.Roles ?? []
            : [];
    }

    /// <summary>The answer; null when the token is refused (expired, or the app deauthorised). Other failures throw.</summary>
    private async Task<T?> GetAsync<T>(string path, string token, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Api(path));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
    }

    private string Api(string path) => $"{Settings.ApiBaseUrl.TrimEnd('/')}/{path}";
}

internal sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

internal sealed record DiscordUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("global_name")] string? GlobalName);

internal sealed record DiscordGuild([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("permissions")] string? Permissions);

internal sealed record DiscordMember([property: JsonPropertyName("roles")] string[]? Roles);

[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(DiscordUser))]
[JsonSerializable(typeof(DiscordGuild[]))]
[JsonSerializable(typeof(DiscordMember))]
[JsonSerializable(typeof(ModeratorSession))]
[JsonSerializable(typeof(SlackTokenResponse))]
[JsonSerializable(typeof(SlackIdTokenClaims))]
[JsonSerializable(typeof(SlackUserInfo))]
internal sealed partial class DashboardJson : JsonSerializerContext;
