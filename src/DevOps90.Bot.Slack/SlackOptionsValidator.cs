using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Slack;

/// <summary>
/// Checks the Slack section at start and names each missing or wrong key. Values are never repeated in a message:
/// they are secrets, and a pasted token shown in a log is a leaked token.
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        // https://docs.slack.dev/authentication/tokens: bot tokens start xoxb-, app-level tokens xapp-.
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add("Slack:BotToken is missing: set the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page, in the environment as Slack__BotToken");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("Slack:BotToken is not a bot token: it starts with xoxb- (a user token xoxp- or an app token xapp- does not belong here)");
        }

        switch (options.Transport)
        {
            case SlackTransport.SocketMode when string.IsNullOrWhiteSpace(options.AppToken):
                errors.Add("Slack:AppToken is missing: Socket Mode needs an app-level token (xapp-…) with connections:write, from Basic Information > App-Level Tokens; or set Slack:Transport to Http");
                break;
            case SlackTransport.SocketMode when !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal):
                errors.Add("Slack:AppToken is not an app-level token: it starts with xapp-");
                break;
            case SlackTransport.Http when string.IsNullOrWhiteSpace(options.SigningSecret):
                errors.Add("Slack:SigningSecret is missing: requests over HTTP are verified with it (Basic Information > App Credentials > Signing Secret)");
                break;
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            errors.Add($"Slack:ApiBaseUrl: '{options.ApiBaseUrl}' is not an http(s) address such as https://slack.com/api");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
