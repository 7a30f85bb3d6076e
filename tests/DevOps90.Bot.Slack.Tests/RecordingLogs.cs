using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests;

internal sealed record RecordedLog(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The message and the exception's text: where a leaked secret would show.</summary>
    public string Everything => $"{Message} {Exception}";
}

/// <summary>Records every entry of every category; a test waits for the entry it expects.</summary>
internal sealed class RecordingLogs : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<RecordedLog> _entries = [];
    private readonly List<(Func<RecordedLog, bool> Match, TaskCompletionSource<RecordedLog> Found)> _waiters = [];
    private readonly LoggerFactory _factory;

    public RecordingLogs() => _factory = new LoggerFactory([this], new LoggerFilterOptions { MinLevel = LogLevel.Trace });

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

    public ILogger<T> For<T>() => _factory.CreateLogger<T>();

    /// <summary>The first entry, logged already or to come, that <paramref name="match"/> accepts.</summary>
    public Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match)
    {
        lock (_gate)
        {
            if (_entries.FirstOrDefault(match) is { } logged)
            {
                return Task.FromResult(logged);
            }

            var found = new TaskCompletionSource<RecordedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(TimeSpan.FromSeconds(10));
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

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new RecordedLog(category, logLevel, formatter(state, exception), exception));
    }
}
