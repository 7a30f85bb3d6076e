using System.Net.Http.Headers;

namespace DevOps90.Bot.LoadTest;

/// <summary>
/// One signed request to the host: its body, content type and the platform's signature headers; or, with
/// <see cref="IsGet"/>, a plain GET of the URL (a web page), which has neither body nor signature.
/// </summary>
internal sealed record SignedRequest(byte[] Body, MediaTypeHeaderValue ContentType, string UserAgent, IReadOnlyList<KeyValuePair<string, string>> Signature, bool IsGet = false);

/// <summary>Posts signed requests to one of the host's endpoints as the platform would, on one pool of keep-alive connections.</summary>
internal sealed class LoadSender(Uri url, int connections) : IDisposable
{
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

    /// <summary>The status and the whole reply body; <paramref name="signed"/> false sends the body without its signature headers.</summary>
    public async Task<(int Status, byte[] Reply)> SendAsync(SignedRequest signedRequest, bool signed = true)
    {
        using var request = signedRequest.IsGet
            ? new HttpRequestMessage(HttpMethod.Get, url)
            : new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(signedRequest.Body) };
        if (request.Content is not null)
        {
            request.Content.Headers.ContentType = signedRequest.ContentType;
        }

        request.Headers.TryAddWithoutValidation("User-Agent", signedRequest.UserAgent);
        if (signed)
        {
            foreach (var (name, value) in signedRequest.Signature)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _client.SendAsync(request).ConfigureAwait(false);
        var reply = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return ((int)response.StatusCode, reply);
    }

    public void Dispose() => _client.Dispose();
}
