namespace DevOps90.Bot.Core.Coaching;

public enum ShareLinkProblem
{
    None,

    /// <summary>Not an absolute address with a host (a word, a relative path, "https://").</summary>
    NotALink,

    /// <summary>Another scheme than http or https (javascript:, file:, ftp:…).</summary>
    NotHttp,

    TooLong,
}

/// <summary>
/// The link of a <c>/share</c>: an absolute http(s) address with a host, at most <see cref="MaxLength"/> characters,
/// nothing else (no whitespace, no user name and password). A link as a chat client may send it, in angle brackets
/// and with a label (Slack's <c>&lt;https://…|text&gt;</c>), is taken out of them first.
/// </summary>
public static class ShareLink
{
    /// <summary>Long enough for any real article or repository address, short enough to fit every platform's message.</summary>
    public const int MaxLength = 500;

    /// <summary>A note says what the link is; a longer text belongs in the post it links to.</summary>
    public const int MaxNoteLength = 280;

    public static ShareLinkProblem TryRead(string? typed, out string link)
    {
        link = "";
        var text = Unwrapped(typed?.Trim() ?? "");
        if (text.Length > MaxLength)
        {
            return ShareLinkProblem.TooLong;
        }

        if (text.Length == 0 || text.Any(char.IsWhiteSpace) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return ShareLinkProblem.NotALink;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return ShareLinkProblem.NotHttp;
        }

        // A link with credentials in it is not something to post in a channel; a host is what makes it a link.
        if (string.IsNullOrEmpty(uri.Host) || uri.UserInfo.Length > 0)
        {
            return ShareLinkProblem.NotALink;
        }

        link = uri.AbsoluteUri;
        return link.Length > MaxLength ? ShareLinkProblem.TooLong : ShareLinkProblem.None;
    }

    private static string Unwrapped(string text)
    {
        if (text.Length > 2 && text[0] == '<' && text[^1] == '>')
        {
            text = text[1..^1];
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return bar < 0 ? text : text[..bar];
        }

        return text;
    }
}
