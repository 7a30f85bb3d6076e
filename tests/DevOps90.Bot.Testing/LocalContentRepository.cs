using System.Diagnostics;
using System.Globalization;

namespace DevOps90.Bot.Testing;

/// <summary>
/// A git repository in a temp folder holding a small curriculum in the bundled layout (content/README.md): the
/// "upstream" of content tests, on disk, never on the network. <see cref="IsGitMissing"/> lets a test skip with a
/// clear reason on a host without git.
/// </summary>
public sealed class LocalContentRepository : IDisposable
{
    public const string Branch = "main";
    public const string SkipReason = "the git command is not installed on this machine; repository sources need it";

    private readonly TempFolder _folder = new();

    public LocalContentRepository(string curriculumId = "2022")
    {
        CurriculumId = curriculumId;
        Directory.CreateDirectory(Path);
        Git("init", "--quiet", "--initial-branch", Branch);
        Write("curriculum.yaml", $"id: \"{curriculumId}\"\ndefault_language: en\ntitles:\n  en: Test edition\n");
        WriteLesson(1, "First steps");
        Commit("Day 1");
    }

    public static bool IsGitMissing { get; } = !Probe();

    public string CurriculumId { get; }

    /// <summary>The repository's working folder: also what a source's Repository setting is given.</summary>
    public string Path => System.IO.Path.Combine(_folder.Path, "upstream");

    /// <summary>A file relative to the curriculum folder ("en/day02.md").</summary>
    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, CurriculumId, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void WriteLesson(int day, string title) => Write($"en/day{day:00}.md", Lesson(day, title));

    /// <summary>A lesson file in the bundled layout, with a summary and one resource.</summary>
    public static string Lesson(int day, string title) => string.Create(CultureInfo.InvariantCulture,
        $"---\nday: {day}\ntitle: {title}\n---\n\n# {title}\n\n## Summary\n\nWhat day {day} is about.\n\n## Resources\n\n- [Link {day}](https://example.org/{day})\n");

    /// <summary>Commits everything and returns the new commit's id.</summary>
    public string Commit(string message)
    {
        Git("add", "--all");
        Git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "--quiet", "--message", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public void Dispose() => _folder.Dispose();

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.GetAwaiter().GetResult()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
