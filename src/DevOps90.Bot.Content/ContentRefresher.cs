using System.Globalization;
using DevOps90.Bot.Content.Git;
using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Content;

/// <summary>
/// Keeps the content current: clones repository sources that have no checkout yet, fetches them, and rebuilds the
/// index into the <see cref="ContentLibrary"/> when something changed. A failed clone or fetch keeps what was there
/// (the last good checkout, or no such source at first start) and says why in the log.
/// </summary>
internal sealed partial class ContentRefresher
{
    private readonly IReadOnlyList<ContentSourceOptions> _sources;
    private readonly string _baseDirectory;
    private readonly GitCheckout _git;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _reloading = new();
    private readonly Lazy<ContentLibrary> _library;

    public ContentRefresher(
        IReadOnlyList<ContentSourceOptions> sources, string baseDirectory, GitCommand git, TimeProvider time, ILogger<ContentRefresher> logger)
    {
        _sources = sources;
        _baseDirectory = baseDirectory;
        _git = new GitCheckout(git);
        _time = time;
        _logger = logger;
        _library = new(() =>
        {
            CloneMissing();
            return new ContentLibrary(Build(previous: null));
        });
    }

    /// <summary>The library, made on first use: missing checkouts are cloned first (the bot waits for them).</summary>
    public ContentLibrary Library => _library.Value;

    /// <summary>The local folders whose edits reload the content (a checkout changes only through a fetch).</summary>
    public IEnumerable<string> WatchedFolders =>
        _sources.Where(source => !source.IsRepository).Select(FolderOf).Where(Directory.Exists);

    public bool HasRepositories => _sources.Any(source => source.IsRepository);

    /// <summary>Fetches every repository source (cloning one that is still missing); reloads when one moved.</summary>
    public bool FetchAndReload()
    {
        var changed = false;
        foreach (var source in _sources.Where(source => source.IsRepository))
        {
            var folder = FolderOf(source);
            var repository = RedactedUrl.InText(source.Repository!);
            var result = Directory.Exists(folder)
                ? _git.Fetch(source.Repository!, source.Branch, folder)
                : _git.Clone(source.Repository!, source.Branch, folder);
            if (result.Failure is { } why)
            {
                LogFetchFailed(_logger, repository, source.Branch, folder, why);
            }
            else if (result.Changed)
            {
                var commit = Short(_git.Head(folder));
                LogFetched(_logger, repository, source.Branch, commit);
                changed = true;
            }
        }

        if (changed)
        {
            Reload();
        }

        return changed;
    }

    /// <summary>Reads every source again and swaps the new index in; lessons of files that now fail keep their last version.</summary>
    public void Reload()
    {
        lock (_reloading)
        {
            var previous = Library.Current;
            CurriculumIndex next;
            try
            {
                next = Build(previous);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder removed or locked while it was read (an edit in progress): the next edit tries again.
                LogReloadFailed(_logger, exception.Message);
                return;
            }

            Library.Swap(next);
            LogReloaded(_logger, next.Version, next.Curricula.Length, next.WarningCount);
            foreach (var problem in next.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
            {
                LogProblem(_logger, problem.Location.ToString(), problem.Message);
            }
        }
    }

    private void CloneMissing()
    {
        foreach (var source in _sources.Where(source => source.IsRepository && !Directory.Exists(FolderOf(source))))
        {
            var folder = FolderOf(source);
            var repository = RedactedUrl.InText(source.Repository!);
            var result = _git.Clone(source.Repository!, source.Branch, folder);
            if (result.Failure is { } why)
            {
                LogCloneFailed(_logger, repository, source.Branch, why);
            }
            else
            {
                var commit = Short(_git.Head(folder));
                LogCloned(_logger, repository, source.Branch, folder, commit);
            }
        }
    }

    private CurriculumIndex Build(CurriculumIndex? previous)
    {
        // A repository whose clone failed has no folder: it is left out rather than reported as a missing folder.
        var readable = _sources.Where(source => !source.IsRepository || Directory.Exists(FolderOf(source))).ToList();
        var index = ContentLoader.Load(readable, _baseDirectory, previous);
        return new CurriculumIndex(index.Curricula, index.Diagnostics) { Version = VersionOf(readable) };
    }

    /// <summary>The checkouts' short commit ids, and the time the folders were read when there are folders.</summary>
    private string VersionOf(IEnumerable<ContentSourceOptions> sources)
    {
        var parts = new List<string>();
        var hasFolders = false;
        foreach (var source in sources)
        {
            if (source.IsRepository)
            {
                parts.Add(Short(_git.Head(FolderOf(source))));
            }
            else
            {
                hasFolders = true;
            }
        }

        if (hasFolders)
        {
            parts.Add(_time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        }

        return string.Join(" + ", parts);
    }

    private string FolderOf(ContentSourceOptions source) => Path.GetFullPath(source.Path, _baseDirectory);

    private static string Short(string? commit) => commit is null ? "?" : commit[..Math.Min(7, commit.Length)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Content: cloned {Repository} ({Branch}) into {Folder} at {Commit}")]
    private static partial void LogCloned(ILogger logger, string repository, string branch, string folder, string commit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content: could not clone {Repository} ({Branch}), going on without it: {Reason}")]
    private static partial void LogCloneFailed(ILogger logger, string repository, string branch, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content: {Repository} ({Branch}) moved to {Commit}")]
    private static partial void LogFetched(ILogger logger, string repository, string branch, string commit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content: could not fetch {Repository} ({Branch}); the checkout in {Folder} is kept as it was: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string repository, string branch, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reloaded: version {Version}, {CurriculumCount} curricula, {WarningCount} warnings")]
    private static partial void LogReloaded(ILogger logger, string version, int curriculumCount, int warningCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content was not reloaded, the current content is kept: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content {Location}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string location, string problem);
}
