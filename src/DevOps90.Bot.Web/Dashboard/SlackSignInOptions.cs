namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// "Web:Slack": the Slack app moderators sign in with ("Sign in with Slack", OpenID Connect; the app's OAuth settings
/// need the user scopes openid and profile). The sign-in is on when ClientId and ClientSecret are set. The redirect
/// URL to register is <c>{Web:PublicBaseUrl}/dashboard/signin/slack/callback</c>.
/// </summary>
public sealed class SlackSignInOptions
{
    public string? ClientId { get; set; }

    /// <summary>A secret: from the environment (Web__Slack__ClientSecret) or a secrets file, never a settings file.</summary>
    public string? ClientSecret { get; set; }

    public string AuthorizeUrl { get; set; } = "https://slack.com/openid/connect/authorize";

    /// <summary>The Web API base, for openid.connect.token and openid.connect.userInfo.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
