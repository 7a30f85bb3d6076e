using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests.Api;

/// <summary>Keeps every log line, with its structured values, so tests can read what was logged and wait for a line.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly List<(string Fragment, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
        var line = $"{logLevel}: {formatter(state, exception)} [{values}] {exception}";
        _lines.Enqueue(line);
        lock (_lock)
        {
            foreach (var waiter in _waiters.Where(waiter => line.Contains(waiter.Fragment, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>Completes when a line containing <paramref name="fragment"/> has been logged.</summary>
    public Task WaitForAsync(string fragment)
    {
        lock (_lock)
        {
            if (_lines.Any(line => line.Contains(fragment, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((fragment, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
