namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// Where a checkout of the upstream repository is, when one is at hand: its text is read at run time and never kept
/// in this repository (CC BY-NC-SA 4.0), and no benchmark needs the network to find it.
/// </summary>
internal static class UpstreamCheckout
{
    public const string Variable = "DEVOPS90_UPSTREAM_CHECKOUT";

    /// <summary>The folder the variable names, or null when it is not set; a folder that does not exist stops the run.</summary>
    public static string? Path()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"{Variable}: no folder at {path}");
    }
}
