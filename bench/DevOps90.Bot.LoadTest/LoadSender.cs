using System.Net.Http.Headers;

namespace DevOps90.Bot.LoadTest.Slack;

/// <summary>Posts a signed command to the host's /slack/commands as Slack would, on one pool of keep-alive connections.</summary>
internal sealed class SlackSender(Uri url, int connections) : IDisposable
{
    private static readonly MediaTypeHeaderValue _form = new("application/x-www-form-urlencoded");

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The status and the whole reply body; <paramref name="signed"/> false sends the body without the two headers.</summary>
    public async Task<(int Status, byte[] Reply)> SendAsync(SignedCommand command, bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(command.Body) };
        request.Content.Headers.ContentType = _form;
        request.Headers.TryAddWithoutValidation("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", command.Timestamp);
            request.Headers.TryAddWithoutValidation("X-Slack-Signature", command.Signature);
        }

        using var response = await _client.SendAsync(request).ConfigureAwait(false);
        var reply = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return ((int)response.StatusCode, reply);
    }

    public void Dispose() => _client.Dispose();
}
