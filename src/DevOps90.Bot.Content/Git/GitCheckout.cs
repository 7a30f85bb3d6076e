namespace DevOps90.Bot.Content.Git;

/// <summary>The outcome of keeping a checkout current: whether its files changed, or why it could not be done.</summary>
internal sealed record CheckoutResult(bool Changed, string? Failure)
{
    public static CheckoutResult Unchanged { get; } = new(false, null);

    public static CheckoutResult Moved { get; } = new(true, null);

    public static CheckoutResult Failed(string why) => new(false, why);
}

/// <summary>A shallow checkout of one branch of a repository: cloned once, then fetched and reset to the branch.</summary>
internal sealed class GitCheckout(GitCommand git)
{
    /// <summary>
    /// Clones into a temporary sibling folder and moves it into place only when the clone succeeded, so a failed or
    /// interrupted clone never leaves a half-made checkout that would later be taken for a good one.
    /// </summary>
    public CheckoutResult Clone(string repository, string branch, string folder)
    {
        var full = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.clone-{Guid.NewGuid():N}");
        var result = git.Run(parent, "clone", "--depth", "1", "--branch", branch, "--single-branch", "--", repository, temporary);
        if (!result.Succeeded)
        {
            TryDelete(temporary);
            return CheckoutResult.Failed(result.Why);
        }

        try
        {
            Directory.Move(temporary, full);
            return CheckoutResult.Moved;
        }
        catch (IOException exception)
        {
            TryDelete(temporary);
            return CheckoutResult.Failed($"the clone could not be moved to {full}: {exception.Message}");
        }
    }

    /// <summary>
    /// Fetches the branch from <paramref name="repository"/> and, when it moved, resets the files to it; a failure
    /// leaves the files as they were. The checkout's origin is set to the configured repository first, so a deployer
    /// who points the source at a fork or a mirror (or rotates the token in its URL) gets that one, not the first clone's.
    /// </summary>
    public CheckoutResult Fetch(string repository, string branch, string folder)
    {
        var origin = git.Run(folder, "remote", "set-url", "origin", repository);
        if (!origin.Succeeded)
        {
            return CheckoutResult.Failed(origin.Why);
        }

        var before = Head(folder);
        var fetched = git.Run(folder, "fetch", "--depth", "1", "origin", branch);
        if (!fetched.Succeeded)
        {
            return CheckoutResult.Failed(fetched.Why);
        }

        var after = git.Run(folder, "rev-parse", "FETCH_HEAD");
        if (!after.Succeeded)
        {
            return CheckoutResult.Failed(after.Why);
        }

        if (after.Output.Trim() == before)
        {
            return CheckoutResult.Unchanged;
        }

        var reset = git.Run(folder, "reset", "--hard", "--quiet", "FETCH_HEAD");
        return reset.Succeeded ? CheckoutResult.Moved : CheckoutResult.Failed(reset.Why);
    }

    /// <summary>The full commit id the files are at, or null when the folder is not a checkout.</summary>
    public string? Head(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var result = git.Run(folder, "rev-parse", "HEAD");
        return result.Succeeded ? result.Output.Trim() : null;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                // Git marks its pack files read-only; they must be writable to be deleted on Windows.
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder is hidden and never read as content.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
