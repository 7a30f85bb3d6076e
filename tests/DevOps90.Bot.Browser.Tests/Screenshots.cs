using Xunit.Abstractions;

namespace DevOps90.Bot.Browser.Tests;

/// <summary>Screenshots kept as test artefacts, under the test output folder; the path is printed.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static string PathFor(string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Folder, name + ".png");
        output.WriteLine($"screenshot: {path}");
        return path;
    }
}
