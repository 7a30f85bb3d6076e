using System.Text.RegularExpressions;

namespace DevOps90.Bot.Content.Git;

/// <summary>Removes the "user:password@" part of URLs, so a token written into a repository URL never reaches a log.</summary>
internal static partial class RedactedUrl
{
    public static string InText(string text) => UserInfo().Replace(text, "://");

    /// <summary>The name of the repository a URL or path points at ("90DaysOfDevOps" for ".../90DaysOfDevOps.git").</summary>
    public static string RepositoryName(string repository)
    {
        var trimmed = repository.Trim().TrimEnd('/', '\\');
        var name = trimmed[(trimmed.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        name = name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return name.Length == 0 ? "repository" : name;
    }

    [GeneratedRegex(@"://[^/@\s]+@")]
    private static partial Regex UserInfo();
}
