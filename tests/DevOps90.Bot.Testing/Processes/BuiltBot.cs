using System.Reflection;

namespace DevOps90.Bot.Testing.Processes;

/// <summary>Where the built bot is for tests that run it as a process of its own.</summary>
public static class BuiltBot
{
    /// <summary>
    /// src/DevOps90.Bot/bin/&lt;configuration&gt;/&lt;target&gt;/DevOps90.Bot.dll, built with the same configuration and
    /// target framework as <paramref name="testAssembly"/> (the test project references the bot, so it is built).
    /// </summary>
    public static string Dll(Assembly testAssembly)
    {
        var configuration = testAssembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var target = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        return Path.Combine(RepositoryPaths.Root, "src", "DevOps90.Bot", "bin", configuration, target, "DevOps90.Bot.dll");
    }
}
