using System.Net.Http.Headers;

namespace DevOps90.Bot.LoadTest.Web;

/// <summary>
/// GETs of a study group's public page (bench/page-load.sh), as many visitors' browsers would send them: no cookie,
/// no If-None-Match, so every request is answered with the whole page (from the host's cache once rendered).
/// </summary>
internal sealed class GroupPageTarget : ILoadTarget
{
    private static readonly SignedRequest _get = new([], new MediaTypeHeaderValue("text/html"), "DevOps90.Bot.LoadTest", [], IsGet: true);

    public string? NotedLabel => "with the leaderboard";

    public SignedRequest Next(int worker, long n) => _get;

    /// <summary>A whole page: it ends with the document's closing tag.</summary>
    public bool IsAnswer(ReadOnlySpan<byte> reply) => reply.EndsWith("</html>"u8);

    public bool IsNoted(ReadOnlySpan<byte> reply) => reply.IndexOf("<table>"u8) >= 0;
}
