namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// One request's place in Discord's rate limits: the path to send, the template to log, and the top-level resource
/// ("major parameter") that Discord counts separately (https://discord.com/developers/docs/topics/rate-limits).
/// A class rather than a record on purpose: a record's generated ToString would print <see cref="Path"/>, and the
/// path of an interaction route holds the interaction token.
/// </summary>
internal sealed class DiscordRoute
{
    // Only channels, guilds and webhooks are top-level resources for Discord. Interactions are added here because
    // each interaction token is answered once: sharing one bucket across interactions would let one user's reply wait
    // for another's, and the callback has a 3-second deadline.
    private static readonly HashSet<string> MajorResources = ["channels", "guilds", "webhooks", "interactions"];

    private readonly string? _secret;

    private DiscordRoute(HttpMethod method, string path, string template, string majorParameter, bool usesBotToken, string? secret)
    {
        Method = method;
        Path = path;
        Template = template;
        MajorParameter = majorParameter;
        UsesBotToken = usesBotToken;
        _secret = secret;
    }

    public HttpMethod Method { get; }

    /// <summary>Relative to the API base, without a leading slash. May hold a token: never log it.</summary>
    public string Path { get; }

    /// <summary>The path with ids and tokens replaced by their names, e.g. <c>channels/{channel_id}/messages/{message_id}</c>.</summary>
    public string Template { get; }

    /// <summary>The top-level resource, e.g. <c>channels/123</c>; a token in it is replaced by a fingerprint.</summary>
    public string MajorParameter { get; }

    /// <summary>
    /// False for the interaction callback and the interaction webhooks: they are authorized by the token in their
    /// path and are not bound to the global rate limit (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit).
    /// </summary>
    public bool UsesBotToken { get; }

    public bool IsInteraction => !UsesBotToken;

    /// <summary>What logs and exception messages show: <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Display => $"{Method.Method} /{Template}";

    /// <summary>Bot-token routes: everything but the interaction endpoints.</summary>
    public static DiscordRoute Bot(HttpMethod method, string path) => Create(method, path, usesBotToken: true);

    /// <summary>The interaction callback and the webhook routes opened by an interaction token.</summary>
    public static DiscordRoute Interaction(HttpMethod method, string path) => Create(method, path, usesBotToken: false);

    /// <summary>Replaces the route's token wherever it appears, for text that came from elsewhere (Discord's own messages).</summary>
    public string Redact(string text) =>
        _secret is null ? text : text.Replace(_secret, "[redacted]", StringComparison.Ordinal).Replace(Uri.EscapeDataString(_secret), "[redacted]", StringComparison.Ordinal);

    public override string ToString() => Display;

    private static DiscordRoute Create(HttpMethod method, string path, bool usesBotToken)
    {
        var segments = path.Split('/');
        var template = new string[segments.Length];
        var major = "";
        string? secret = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i == 2 && segments[0] is "webhooks" or "interactions")
            {
                // webhooks/{webhook_id}/{webhook_token}, interactions/{interaction_id}/{interaction_token}
                secret = Uri.UnescapeDataString(segment);
                template[i] = segments[0] == "webhooks" ? "{webhook_token}" : "{interaction_token}";
                major += "/" + Fingerprint(secret);
            }
            else if (IsId(segment))
            {
                template[i] = i == 0 ? "{id}" : $"{{{Singular(segments[i - 1])}_id}}";
                if (i == 1 && MajorResources.Contains(segments[0]))
                {
                    major = $"{segments[0]}/{segment}";
                }
            }
            else
            {
                template[i] = segment;
            }
        }

        return new DiscordRoute(method, path, string.Join('/', template), major, usesBotToken, secret);
    }

    private static bool IsId(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);

    private static string Singular(string resource) => resource.EndsWith('s') ? resource[..^1] : resource;

    // Two different tokens colliding only makes them share a bucket (waiting more, never less); the key stays free
    // of the token itself, so a bucket key is safe to show in a debugger or a log.
    private static string Fingerprint(string token) => StringComparer.Ordinal.GetHashCode(token).ToString("x8");
}
