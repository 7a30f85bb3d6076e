namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// "Web:Discord": the OAuth2 application moderators sign in with (Developer Portal > OAuth2). The dashboard's sign-in
/// is on when ClientId and ClientSecret are set. The redirect URL to register is
/// <c>{Web:PublicBaseUrl}/dashboard/signin/discord/callback</c>.
/// </summary>
public sealed class DiscordSignInOptions
{
    public string? ClientId { get; set; }

    /// <summary>A secret: from the environment (Web__Discord__ClientSecret) or a secrets file, never a settings file.</summary>
    public string? ClientSecret { get; set; }

    public string AuthorizeUrl { get; set; } = "https://discord.com/oauth2/authorize";

    /// <summary>The API base, for the token exchange (oauth2/token) and the user's own data (users/@me...).</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
