using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Web;

/// <summary>The "Web" settings: the study groups' pages.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// The address the bot's pages are reached at from outside (https://bot.example.org), used in the links the bot
    /// posts. Empty: the pages are served but not linked.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Moderators' sign-in with Discord, for the dashboard.</summary>
    public Dashboard.DiscordSignInOptions Discord { get; set; } = new();

    /// <summary>Moderators' sign-in with Slack (OpenID Connect), for the dashboard.</summary>
    public Dashboard.SlackSignInOptions Slack { get; set; } = new();

    public Uri? PublicBaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl);
}

/// <summary>An absolute http(s) address, or nothing.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Web:PublicBaseUrl: '{options.PublicBaseUrl}' is not an absolute http(s) address such as https://bot.example.org");
    }
}
