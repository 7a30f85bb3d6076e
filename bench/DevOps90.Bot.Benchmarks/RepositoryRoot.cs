namespace DevOps90.Bot.Benchmarks;

/// <summary>This repository's root: the first folder above the running binary that holds DevOps90.Bot.sln.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        // BenchmarkDotNet runs each benchmark from a generated project under bin/, still inside the repository.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DevOps90.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The bundled content/ folder, or null when the benchmark runs outside a checkout.</summary>
    public static string? BundledContent() =>
        Find() is { } root && Directory.Exists(Path.Combine(root, "content")) ? Path.Combine(root, "content") : null;
}
