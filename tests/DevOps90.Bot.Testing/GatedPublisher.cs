using System.Collections.Concurrent;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Testing;

/// <summary>
/// A platform that holds every post at a gate until the test opens it, and counts how many it holds at once: how a test
/// sees that posts are sent side by side, or that one is still being sent when something else happens. A post is
/// created when the gate lets it through; one whose caller gives up at the gate is not.
/// </summary>
public sealed class GatedPublisher(string platform = "console") : IChatPublisher
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _watchers = [];
    private int _held;
    private int _maxHeld;

    public string Platform => platform;

    public ConcurrentQueue<PublishedPost> Posts { get; } = new();

    /// <summary>The most posts held at the gate at one time.</summary>
    public int MaxHeld
    {
        get
        {
            lock (_lock)
            {
                return _maxHeld;
            }
        }
    }

    public void Open() => _gate.TrySetResult();

    /// <summary>Waits (real time, at most 30 s) until <paramref name="count"/> posts are held at the gate at once.</summary>
    public async Task WaitUntilHeldAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_held >= count)
            {
                return;
            }

            _watchers.Add((count, reached));
        }

        await reached.Task.WaitAsync(_patience);
    }

    public async Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _held++;
            _maxHeld = Math.Max(_maxHeld, _held);
            foreach (var watcher in _watchers.Where(watcher => _held >= watcher.Count).ToList())
            {
                watcher.Reached.TrySetResult();
                _watchers.Remove(watcher);
            }
        }

        try
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _held--;
            }
        }

        Posts.Enqueue(new PublishedPost(target, post, idempotencyKey, mentionRoleId));
        return PublishResult.Sent($"gated-{idempotencyKey}");
    }
}
