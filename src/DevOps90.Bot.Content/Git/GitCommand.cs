using System.ComponentModel;
using System.Diagnostics;

namespace DevOps90.Bot.Content.Git;

/// <summary>What one git command did: its exit code and output, with any credentials in URLs already removed.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines git wrote to standard error (its reason), or the exit code when it said nothing.</summary>
    public string Why
    {
        get
        {
            var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var errors = lines.Where(line => line.StartsWith("fatal:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal)).ToList();
            return lines.Length == 0 ? $"git exited with code {ExitCode}" : string.Join(" ", errors.Count > 0 ? errors : lines.TakeLast(3));
        }
    }
}

/// <summary>
/// Runs the git executable with an argument list (no shell, so nothing in a URL or branch is interpreted), never
/// prompting for a password, and killed after a timeout. The git command was chosen over LibGit2Sharp: it is one
/// executable most hosts and the container already have, it speaks every transport and credential helper a deployer
/// configures, and shallow clones and fetches (which LibGit2Sharp lacks) keep an upstream checkout small.
/// </summary>
internal sealed class GitCommand(string executable = "git", TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(10);

    public bool IsAvailable() => Run(null, "--version").Succeeded;

    public GitResult Run(string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A private repository without credentials must fail at once, not wait for a password nobody will type.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GCM_INTERACTIVE"] = "never";
        // English messages, so the log reads the same on every host.
        start.Environment["LC_ALL"] = "C";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception exception)
        {
            return new GitResult(-1, "", $"the git command '{executable}' could not be started: {exception.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new GitResult(-1, "", $"git {arguments.FirstOrDefault()} did not finish within {_timeout}; it was stopped");
            }

            process.WaitForExit();
            return new GitResult(
                process.ExitCode,
                RedactedUrl.InText(output.GetAwaiter().GetResult()),
                RedactedUrl.InText(error.GetAwaiter().GetResult()));
        }
    }
}
