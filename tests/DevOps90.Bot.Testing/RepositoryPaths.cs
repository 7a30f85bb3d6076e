namespace DevOps90.Bot.Testing;

/// <summary>
/// Finds the repository and the shared reference folder beside it. CI has ../shared; a fresh clone elsewhere may
/// not, so tests that need it skip with <see cref="SharedMissingMessage"/>. DEVOPS90_SHARED overrides the location.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("DEVOPS90_SHARED") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus", "90DaysOfDevOps");

    public static string SeedFile => Path.Combine(Shared, "seeds", "000_e66a52a942b05d67.txt");

    public static bool HasShared => Directory.Exists(Corpus) && File.Exists(SeedFile);

    public static string SharedMissingMessage =>
        $"The shared reference folder was not found at {Shared}; set DEVOPS90_SHARED to run the conformance tests.";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DevOps90.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"DevOps90.Bot.sln not found above {AppContext.BaseDirectory}");
    }
}
