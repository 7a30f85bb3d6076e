namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// What makes two resource addresses the same resource. Lessons often give their video twice, as the thumbnail's
/// link and again in the text, written differently (youtu.be/ID?si=… and youtube.com/watch?v=ID): one video is one
/// resource. A different start time (t=, start=) is a different resource: it points at another part of the talk.
/// </summary>
/// <remarks>
/// Read with spans, not <see cref="Uri"/> and a parsed query: an index reads thousands of video links, and those
/// objects were 6 MB of garbage a load of a real checkout.
/// </remarks>
internal static class ResourceIdentity
{
    private static readonly string[] _youTubeHosts = ["youtube.com", "www.youtube.com", "m.youtube.com", "www.youtube-nocookie.com"];

    public static string Of(string url)
    {
        if (!url.Contains("youtu", StringComparison.OrdinalIgnoreCase) || YouTubeVideo(url, out var start) is not { } video)
        {
            return url;
        }

        // "t=90s" and "t=90" start at one place, and "t=0" where no start does.
        var from = start.TrimEnd('s');
        return from is "0" ? $"youtube:{video}@" : $"youtube:{video}@{from}";
    }

    /// <summary>The video's id in the address shapes YouTube gives to one video, with its start time; else null.</summary>
    private static string? YouTubeVideo(string url, out ReadOnlySpan<char> start)
    {
        start = default;
        var text = url.AsSpan().Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }

        var rest = text[(schemeEnd + 3)..];
        var fragment = rest.IndexOf('#');
        rest = fragment < 0 ? rest : rest[..fragment];
        var queryStart = rest.IndexOf('?');
        var query = queryStart < 0 ? default : rest[(queryStart + 1)..];
        var hostAndPath = queryStart < 0 ? rest : rest[..queryStart];
        var pathStart = hostAndPath.IndexOf('/');
        var host = pathStart < 0 ? hostAndPath : hostAndPath[..pathStart];
        var path = pathStart < 0 ? default : hostAndPath[(pathStart + 1)..].TrimEnd('/');

        start = Parameter(query, "t") is { IsEmpty: false } t ? t : Parameter(query, "start");
        if (host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase))
        {
            return path.Length > 0 && !path.Contains('/') ? path.ToString() : null;
        }

        if (!IsYouTubeHost(host))
        {
            return null;
        }

        if (path.Equals("watch", StringComparison.OrdinalIgnoreCase))
        {
            return Parameter(query, "v") is { IsEmpty: false } watched ? watched.ToString() : null;
        }

        var slash = path.IndexOf('/');
        if (slash < 0)
        {
            return null;
        }

        var kind = path[..slash];
        var id = path[(slash + 1)..];
        var isVideoPath = kind is "embed" or "live" or "shorts" or "v";
        return isVideoPath && id.Length > 0 && !id.Contains('/') ? id.ToString() : null;
    }

    private static bool IsYouTubeHost(ReadOnlySpan<char> host)
    {
        foreach (var known in _youTubeHosts)
        {
            if (host.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of <paramref name="name"/> in a query string (the first one), or empty.</summary>
    private static ReadOnlySpan<char> Parameter(ReadOnlySpan<char> query, string name)
    {
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.Length > name.Length && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal))
            {
                return pair[(name.Length + 1)..];
            }
        }

        return default;
    }
}
