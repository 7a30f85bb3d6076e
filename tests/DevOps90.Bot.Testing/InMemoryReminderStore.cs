using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Reminders;

namespace DevOps90.Bot.Testing;

/// <summary>Reminders in memory, for Core and command tests; the SQL store is held to the same contract.</summary>
public sealed class InMemoryReminderStore : IReminderStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(CohortId, string), Reminder> _reminders = [];

    public int LedgerPrunes { get; private set; }

    public Task SetAsync(Reminder reminder, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _reminders[(reminder.Cohort, reminder.MemberId)] = reminder with { BlockedAt = null };
        }

        return Task.CompletedTask;
    }

    public Task<Reminder?> FindAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_reminders.GetValueOrDefault((cohort, memberId)));
        }
    }

    public Task<bool> RemoveAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_reminders.Remove((cohort, memberId)));
        }
    }

    public Task<IReadOnlyList<Reminder>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Reminder>>([.. _reminders.Values
                .Where(reminder => reminder.BlockedAt is null && reminder.NextAt <= now)
                .OrderBy(reminder => reminder.NextAt)
                .Take(limit)]);
        }
    }

    public Task<bool> RescheduleAsync(CohortId cohort, string memberId, DateTimeOffset expected, DateTimeOffset nextAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_reminders.GetValueOrDefault((cohort, memberId)) is not { } reminder || reminder.NextAt != expected)
            {
                return Task.FromResult(false);
            }

            _reminders[(cohort, memberId)] = reminder with { NextAt = nextAt };
            return Task.FromResult(true);
        }
    }

    public Task MarkBlockedAsync(CohortId cohort, string memberId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_reminders.GetValueOrDefault((cohort, memberId)) is { } reminder)
            {
                _reminders[(cohort, memberId)] = reminder with { BlockedAt = at };
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var keys = _reminders.Keys.Where(key => key.Item2 == memberId).ToList();
            keys.ForEach(key => _reminders.Remove(key));
            return Task.FromResult(keys.Count);
        }
    }

    public Task PruneLedgerAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        LedgerPrunes++;
        return Task.CompletedTask;
    }
}
