using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// LISTEN/NOTIFY between two instances on one PostgreSQL database: instance B follows its feed as the host does
/// (a signalled cohort is read again, a resync compares them all) and sees what instance A writes without asking.
/// </summary>
public sealed class PostgresCohortFeedTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>, IAsyncLifetime, IDisposable
{
    // Generous: a bound for a broken feed to fail on, not a speed to meet.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Cohort Group = SharedCohortsContract.Group;

    private readonly PostgresTestDatabase _database = new(fixture);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _listener = "cohort-feed-" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IDisposable> _owned = [];
    private Task _following = Task.CompletedTask;
    private int _resyncs;
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task InitializeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task ChangeOnOneInstance_ReachesTheOther_ByItsNotificationAlone()
    {
        var (a, b) = await TwoInstancesAsync();
        var seen = Awaiting(b, cohort => cohort?.PostTime == new TimeOnly(7, 30));
        Follow(b, TimeSpan.FromMilliseconds(50));
        await _listening.Task.WaitAsync(Patience);

        await a.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });

        await seen.WaitAsync(Patience);
        Assert.Equal(1, Volatile.Read(ref _resyncs));
    }

    [SkippableFact]
    public async Task PauseAndDelete_OnOneInstance_StopTheCohortOnTheOther()
    {
        var (a, b) = await TwoInstancesAsync();
        var paused = Awaiting(b, cohort => cohort?.IsPaused == true);
        var deleted = Awaiting(b, cohort => cohort is null);
        Follow(b, TimeSpan.FromMilliseconds(50));
        await _listening.Task.WaitAsync(Patience);

        await a.UpdateAsync(Group.Id, cohort => cohort.PausedFrom(new DateOnly(2027, 2, 1)));
        await paused.WaitAsync(Patience);
        await a.DeleteAsync(Group.Id);
        await deleted.WaitAsync(Patience);

        Assert.Empty(b.All);
        Assert.False(b.IsTaken(Group.Id));
    }

    [SkippableFact]
    public async Task DroppedConnection_ListensAgain_AndCatchesUpWithWhatWasWrittenMeanwhile()
    {
        var (a, b) = await TwoInstancesAsync();
        var seen = Awaiting(b, cohort => cohort?.Language == "fr");
        // Long enough that the write below lands while B is not listening: only the resync after it can bring it.
        Follow(b, TimeSpan.FromSeconds(1));
        await _listening.Task.WaitAsync(Patience);
        _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        await using (var admin = new NpgsqlConnection(fixture.ConnectionString))
        {
            var terminated = await admin.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @Name) AS t", new { Name = _listener });
            Assert.Equal(1, terminated);
        }

        await a.UpdateAsync(Group.Id, cohort => cohort with { Language = "fr" });

        await seen.WaitAsync(Patience);
        await _listening.Task.WaitAsync(Patience);
        Assert.True(Volatile.Read(ref _resyncs) >= 2, $"{_resyncs} resyncs");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>After <see cref="DisposeAsync"/> (xUnit calls both), once the feed has stopped.</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _stop.Dispose();
        _database.Dispose();
    }

    /// <summary>B's feed on a pool of its own, named so that a test can find its connection on the server.</summary>
    private void Follow(CohortRegistry registry, TimeSpan firstBackoff)
    {
        var pool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { ApplicationName = _listener }.ToString());
        _owned.Add(pool);
        var feed = new PostgresCohortFeed(pool, TimeProvider.System, NullLogger<PostgresCohortFeed>.Instance) { FirstBackoff = firstBackoff };
        _following = feed.RunAsync(
            async (signal, cancellationToken) =>
            {
                if (signal.Changed is { } id)
                {
                    await registry.RefreshAsync(id, cancellationToken);
                    return;
                }

                await registry.ResyncAsync(cancellationToken);
                Interlocked.Increment(ref _resyncs);
                _listening.TrySetResult();
            },
            _stop.Token);
    }

    private static Task Awaiting(CohortRegistry registry, Func<Cohort?, bool> wanted)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Changed += change =>
        {
            if (change.Id == Group.Id && wanted(change.Cohort))
            {
                seen.TrySetResult();
            }
        };
        return seen.Task;
    }

    private async Task<(CohortRegistry A, CohortRegistry B)> TwoInstancesAsync()
    {
        await _database.MigratedAsync();
        var a = new CohortRegistry(new SqlCohortStore(_database.Open(), TimeProvider.System));
        var b = new CohortRegistry(new SqlCohortStore(_database.Open(), TimeProvider.System));
        _owned.AddRange([a, b]);
        await a.InitializeAsync([Group]);
        await b.InitializeAsync([Group]);
        return (a, b);
    }
}
