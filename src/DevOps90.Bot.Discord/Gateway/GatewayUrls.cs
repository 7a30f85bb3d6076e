namespace DevOps90.Bot.Discord.Gateway;

internal static class GatewayUrls
{
    /// <summary>Sent as the browser and device connection properties (https://discord.com/developers/docs/events/gateway-events#identify-identify-connection-properties).</summary>
    public const string LibraryName = "devops90-bot";

    /// <summary>
    /// Both the gateway URL and resume_gateway_url get the API version and encoding explicitly, and the same ones
    /// (https://discord.com/developers/docs/events/gateway#connecting, #preparing-to-resume).
    /// </summary>
    public static Uri Versioned(string url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
}
