using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Slack.Inbound;

/// <summary>Reads a request's raw body, up to a limit, for the signature check to see before anything parses it.</summary>
internal static class SlackRequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (a chunked body has no Content-Length to check).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Sized from Content-Length when there is one (Slack sends it): one array, no growing copies.
        var buffer = new byte[request.ContentLength is > 0 and var length ? (int)length : Math.Min(4096, maxBytes + 1)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return null;
                }

                // One byte past the limit is enough to know the body is too long.
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return filled == buffer.Length ? buffer : buffer[..filled];
            }

            filled += read;
            if (filled > maxBytes)
            {
                return null;
            }
        }
    }
}
