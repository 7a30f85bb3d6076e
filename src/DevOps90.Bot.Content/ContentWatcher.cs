using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Content;

/// <summary>
/// Triggers the <see cref="ContentRefresher"/>: a fetch of the repository sources every fetch interval, and a reload
/// once edits of a local source folder have been quiet for <see cref="Debounce"/> (an editor or a copy writes many
/// files, and a reload per file would parse the curriculum many times over).
/// </summary>
internal sealed class ContentWatcher(ContentRefresher refresher, IOptions<ContentOptions> options, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    private readonly Channel<bool> _edits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    private List<FileSystemWatcher> _watchers = [];

    /// <summary>Watches before the start returns (ExecuteAsync runs later, on its own thread): no edit is missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _watchers = [.. refresher.WatchedFolders.Select(Watch)];
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watchers.ForEach(watcher => watcher.Dispose());
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interval = options.Value.FetchInterval;
            var nextFetch = time.GetUtcNow() + interval;
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = nextFetch - time.GetUtcNow();
                if (await EditedAsync(refresher.HasRepositories ? wait : Timeout.InfiniteTimeSpan, stoppingToken).ConfigureAwait(false))
                {
                    await QuietAsync(stoppingToken).ConfigureAwait(false);
                    refresher.Reload();
                }
                else if (time.GetUtcNow() >= nextFetch)
                {
                    // Git runs for seconds to minutes; off the host's start-up path and its thread.
                    await Task.Run(refresher.FetchAndReload, stoppingToken).ConfigureAwait(false);
                    nextFetch = time.GetUtcNow() + interval;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>True when a folder was edited, false when the wait is over.</summary>
    private async Task<bool> EditedAsync(TimeSpan wait, CancellationToken stopping)
    {
        if (wait != Timeout.InfiniteTimeSpan)
        {
            // A timer cannot wait longer than about 49 days; a longer interval is waited for in steps.
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
        }

        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            return await _edits.Reader.ReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until no edit came for a whole debounce period.</summary>
    private async Task QuietAsync(CancellationToken stoppingToken)
    {
        do
        {
            await Task.Delay(Debounce, time, stoppingToken).ConfigureAwait(false);
        }
        while (_edits.Reader.TryRead(out _));
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => _edits.Writer.TryWrite(true);
        watcher.Created += (_, _) => _edits.Writer.TryWrite(true);
        watcher.Deleted += (_, _) => _edits.Writer.TryWrite(true);
        watcher.Renamed += (_, _) => _edits.Writer.TryWrite(true);
        // A lost event (an overflowing buffer) is still a change.
        watcher.Error += (_, _) => _edits.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
