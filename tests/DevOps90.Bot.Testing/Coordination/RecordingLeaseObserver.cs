using System.Collections.Concurrent;
using DevOps90.Bot.Core.Coordination;

namespace DevOps90.Bot.Testing.Coordination;

/// <summary>Keeps every <see cref="LeaseChange"/> a supervisor reports.</summary>
public sealed class RecordingLeaseObserver : ILeaseObserver
{
    private readonly ConcurrentQueue<LeaseChange> _changes = new();

    public IReadOnlyCollection<LeaseChange> Changes => _changes;

    public void OnChange(LeaseChange change) => _changes.Enqueue(change);

    public IReadOnlyList<LeaseChange> OfKind(LeaseChangeKind kind) => [.. _changes.Where(change => change.Kind == kind)];
}
