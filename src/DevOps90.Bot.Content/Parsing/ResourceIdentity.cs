using System.Web;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// What makes two resource addresses the same resource. Lessons often give their video twice, as the thumbnail's
/// link and again in the text, written differently (youtu.be/ID?si=… and youtube.com/watch?v=ID): one video is one
/// resource. A different start time (t=, start=) is a different resource: it points at another part of the talk.
/// </summary>
internal static class ResourceIdentity
{
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || YouTubeVideo(uri) is not { } video)
        {
            return url;
        }

        var query = HttpUtility.ParseQueryString(uri.Query);
        var start = query["t"] ?? query["start"] ?? "";
        return $"youtube:{video}@{start.TrimEnd('s')}";
    }

    /// <summary>The video's id in the address shapes YouTube gives to one video, else null.</summary>
    private static string? YouTubeVideo(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (host == "youtu.be")
        {
            return segments is [var id] ? id : null;
        }

        if (host is not ("youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com"))
        {
            return null;
        }

        return segments switch
        {
            ["watch"] => HttpUtility.ParseQueryString(uri.Query)["v"] is { Length: > 0 } id ? id : null,
            ["embed" or "live" or "shorts" or "v", var id] => id,
            _ => null,
        };
    }
}
