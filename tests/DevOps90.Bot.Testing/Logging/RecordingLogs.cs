using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Testing.Logging;

/// <summary>
/// Records every entry of every category, with its structured values; a test reads them or waits for the entry it
/// expects. Add it to a host's logging as a provider, or hand <see cref="For{T}"/> to a class built by hand.
/// </summary>
public sealed class RecordingLogs : ILoggerProvider
{
    // How long a wait lasts unless told: long enough that only a missing entry fails it on a slow machine.
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<RecordedLog> _entries = [];
    private readonly List<(Func<RecordedLog, bool> Match, TaskCompletionSource<RecordedLog> Found)> _waiters = [];
    private readonly LoggerFactory _factory;

    public RecordingLogs() =>
        _factory = new LoggerFactory([this], new LoggerFilterOptions { MinLevel = LogLevel.Trace });

    public IReadOnlyList<RecordedLog> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Entries at Warning and above: what a deployment would be alarmed by.</summary>
    public IReadOnlyList<RecordedLog> Problems => [.. Entries.Where(entry => entry.Level >= LogLevel.Warning)];

    /// <summary>A logger of <typeparamref name="T"/>'s category whose entries these logs record.</summary>
    public ILogger<T> For<T>() => _factory.CreateLogger<T>();

    /// <summary>
    /// The first entry, logged already or to come, that <paramref name="match"/> accepts; fails with a
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> (<see cref="DefaultPatience"/> unless given).
    /// </summary>
    public Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match, TimeSpan? timeout = null)
    {
        lock (_gate)
        {
            if (_entries.FirstOrDefault(match) is { } logged)
            {
                return Task.FromResult(logged);
            }

            var found = new TaskCompletionSource<RecordedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(timeout ?? DefaultPatience);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    // The factory is not disposed here: disposing it disposes its providers, this one.
    public void Dispose()
    {
    }

    private void Add(RecordedLog entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                waiter.Found.TrySetResult(entry);
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(RecordingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            // Source-generated log methods pass their named values as pairs; keep them for tests that look for one.
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Add(new RecordedLog(category, logLevel, formatter(state, exception), exception, [.. values]));
        }
    }
}
