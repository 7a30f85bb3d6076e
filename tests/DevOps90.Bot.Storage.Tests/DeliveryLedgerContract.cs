using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>What every delivery ledger must do; run against each implementation.</summary>
public abstract class DeliveryLedgerContract
{
    private static readonly DeliveryKey _key = new(new CohortId("group"), "day-3");
    private static readonly DateTimeOffset _scheduled = DateTimeOffset.Parse("2027-01-02T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan _lease = TimeSpan.FromMinutes(2);

    protected abstract Task<IDeliveryLedger> CreateAsync();

    /// <summary>The ledgers of <paramref name="count"/> instances sharing one store (SQL: each its own connections).</summary>
    protected virtual async Task<IReadOnlyList<IDeliveryLedger>> CreateInstancesAsync(int count) =>
        Enumerable.Repeat(await CreateAsync(), count).ToList();

    [SkippableFact]
    public async Task TryClaim_FirstTime_ClaimsAndASecondClaimIsBusy()
    {
        var ledger = await CreateAsync();

        var first = await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled, _lease);
        var second = await ledger.TryClaimAsync(_key, _scheduled, "b", _scheduled.AddSeconds(1), _lease);

        Assert.Equal(ClaimOutcome.Claimed, first.Outcome);
        Assert.Equal(ClaimOutcome.Busy, second.Outcome);
        Assert.Equal((DeliveryState.Claimed, 1, _scheduled), (second.Record.State, second.Record.Attempts, second.Record.ScheduledAt));
    }

    [SkippableFact]
    public async Task TryClaim_AfterTheLeaseOfACrashedClaim_ClaimsAgain()
    {
        var ledger = await CreateAsync();
        await ledger.TryClaimAsync(_key, _scheduled, "crashed", _scheduled, _lease);

        var retry = await ledger.TryClaimAsync(_key, _scheduled, "b", _scheduled + _lease, _lease);

        Assert.Equal((ClaimOutcome.Claimed, 2), (retry.Outcome, retry.Record.Attempts));
    }

    [SkippableFact]
    public async Task TryClaim_Sent_IsSettledWithItsMessageId()
    {
        var ledger = await CreateAsync();
        await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled, _lease);
        await ledger.MarkSentAsync(_key, "msg-1", _scheduled.AddSeconds(1));

        var later = await ledger.TryClaimAsync(_key, _scheduled, "b", _scheduled.AddDays(1), _lease);

        Assert.Equal((ClaimOutcome.Settled, DeliveryState.Sent, "msg-1"), (later.Outcome, later.Record.State, later.Record.MessageId));
    }

    [SkippableFact]
    public async Task MarkThread_KeepsTheFirstThread_FromEveryInstance()
    {
        var ledgers = await CreateInstancesAsync(3);
        await ledgers[0].TryClaimAsync(_key, _scheduled, "a", _scheduled, _lease);
        await ledgers[0].MarkSentAsync(_key, "msg-1", _scheduled.AddSeconds(1));

        var recorded = await Task.WhenAll(ledgers.Select((ledger, i) => ledger.MarkThreadAsync(_key, $"thread-{i}")));

        var first = (await ledgers[0].FindAsync(_key))!.ThreadId;
        Assert.NotNull(first);
        Assert.All(recorded, thread => Assert.Equal(first, thread));
        Assert.Equal((DeliveryState.Sent, "msg-1"), ((await ledgers[1].FindAsync(_key))!.State, (await ledgers[1].FindAsync(_key))!.MessageId));
    }

    [SkippableFact]
    public async Task TryClaim_TransientFailure_WaitsForItsRetryTime()
    {
        var ledger = await CreateAsync();
        await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled, _lease);
        await ledger.MarkFailedAsync(_key, "503", permanent: false, _scheduled.AddSeconds(30), _scheduled);

        var early = await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled.AddSeconds(29), _lease);
        var due = await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled.AddSeconds(30), _lease);

        Assert.Equal(ClaimOutcome.Busy, early.Outcome);
        Assert.Equal((ClaimOutcome.Claimed, 2), (due.Outcome, due.Record.Attempts));
    }

    [SkippableFact]
    public async Task TryClaim_PermanentFailure_IsSettledWithItsReason()
    {
        var ledger = await CreateAsync();
        await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled, _lease);
        await ledger.MarkFailedAsync(_key, "Missing Access", permanent: true, null, _scheduled);

        var later = await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled.AddDays(1), _lease);

        Assert.Equal((ClaimOutcome.Settled, "Missing Access", true), (later.Outcome, later.Record.Reason, later.Record.IsPermanent));
    }

    [SkippableFact]
    public async Task MarkSkipped_NewPost_IsSettledButNeverOverwritesALine()
    {
        var ledger = await CreateAsync();
        var sentKey = _key with { Post = "day-2" };
        await ledger.TryClaimAsync(sentKey, _scheduled.AddDays(-1), "a", _scheduled, _lease);
        await ledger.MarkSentAsync(sentKey, "msg-2", _scheduled);

        await ledger.MarkSkippedAsync(_key, _scheduled, "stale", _scheduled.AddDays(1));
        await ledger.MarkSkippedAsync(sentKey, _scheduled, "stale", _scheduled.AddDays(1));

        Assert.Equal((DeliveryState.Skipped, "stale"), await ledger.FindAsync(_key) is { } skipped ? (skipped.State, skipped.Reason) : default);
        Assert.Equal(DeliveryState.Sent, (await ledger.FindAsync(sentKey))!.State);
        Assert.Equal(ClaimOutcome.Settled, (await ledger.TryClaimAsync(_key, _scheduled, "a", _scheduled.AddDays(1), _lease)).Outcome);
    }

    [SkippableFact]
    public async Task Recent_ListsACohortsLinesNewestFirst()
    {
        var ledger = await CreateAsync();
        for (var day = 1; day <= 4; day++)
        {
            await ledger.MarkSkippedAsync(new DeliveryKey(new CohortId("group"), $"day-{day}"), _scheduled.AddDays(day), "x", _scheduled);
        }

        await ledger.MarkSkippedAsync(new DeliveryKey(new CohortId("other"), "day-9"), _scheduled.AddDays(9), "x", _scheduled);

        var recent = await ledger.RecentAsync(new CohortId("group"), 3);

        Assert.Equal(["day-4", "day-3", "day-2"], recent.Select(record => record.Key.Post));
    }

    [SkippableFact]
    public async Task TryClaim_ManyClaimantsAtOnce_ExactlyOneWins()
    {
        var ledger = await CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ledger.TryClaimAsync(_key, _scheduled, $"owner-{i}", _scheduled, _lease))));

        Assert.Single(results, result => result.Outcome == ClaimOutcome.Claimed);
    }

    [SkippableFact]
    public async Task TryClaim_ManyInstancesOnTheirOwnConnectionsAtOnce_ExactlyOneClaimsEachPost()
    {
        var ledgers = await CreateInstancesAsync(8);

        for (var day = 1; day <= 20; day++)
        {
            var key = _key with { Post = $"day-{day}" };
            var results = await AllAtOnceAsync(ledgers, (ledger, i) => ledger.TryClaimAsync(key, _scheduled, $"owner-{i}", _scheduled, _lease));

            var winner = Assert.Single(results, result => result.Outcome == ClaimOutcome.Claimed);
            Assert.Equal((DeliveryState.Claimed, 1), (winner.Record.State, winner.Record.Attempts));
            Assert.All(results.Where(result => result != winner), result => Assert.Equal(ClaimOutcome.Busy, result.Outcome));
        }
    }

    [SkippableFact]
    public async Task TryClaim_ManyInstancesTakingOverALapsedLeaseAtOnce_ExactlyOneTakesIt()
    {
        var ledgers = await CreateInstancesAsync(8);

        for (var day = 1; day <= 10; day++)
        {
            var key = _key with { Post = $"day-{day}" };
            await ledgers[0].TryClaimAsync(key, _scheduled, "crashed", _scheduled, _lease);
            var later = _scheduled + _lease;
            var results = await AllAtOnceAsync(ledgers, (ledger, i) => ledger.TryClaimAsync(key, _scheduled, $"owner-{i}", later, _lease));

            var winner = Assert.Single(results, result => result.Outcome == ClaimOutcome.Claimed);
            Assert.Equal(2, winner.Record.Attempts);
            Assert.Equal(2, (await ledgers[0].FindAsync(key))!.Attempts);
        }
    }

    // Every call waits for one signal, so they reach the store together rather than in the order they were made.
    private static async Task<ClaimResult[]> AllAtOnceAsync(IReadOnlyList<IDeliveryLedger> ledgers, Func<IDeliveryLedger, int, Task<ClaimResult>> claim)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = ledgers.Select((ledger, i) => Task.Run(async () =>
        {
            await go.Task;
            return await claim(ledger, i);
        })).ToList();
        go.SetResult();
        return await Task.WhenAll(calls);
    }
}

public sealed class InMemoryDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override Task<IDeliveryLedger> CreateAsync() => Task.FromResult<IDeliveryLedger>(new InMemoryDeliveryLedger());
}

public sealed class SqliteDeliveryLedgerTests : DeliveryLedgerContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<IDeliveryLedger> CreateAsync() => new SqlDeliveryLedger(await _file.MigratedAsync());

    protected override async Task<IReadOnlyList<IDeliveryLedger>> CreateInstancesAsync(int count)
    {
        await _file.MigratedAsync();
        return [.. Enumerable.Range(0, count).Select(_ => new SqlDeliveryLedger(_file.Open()))];
    }

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresDeliveryLedgerTests(PostgresFixture fixture) : DeliveryLedgerContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<IDeliveryLedger> CreateAsync() => new SqlDeliveryLedger(await _database.MigratedAsync());

    protected override async Task<IReadOnlyList<IDeliveryLedger>> CreateInstancesAsync(int count)
    {
        await _database.MigratedAsync();
        return [.. Enumerable.Range(0, count).Select(_ => new SqlDeliveryLedger(_database.Open()))];
    }

    public void Dispose() => _database.Dispose();
}

/// <summary>The reminders' ledger is the same class on its own table: every statement must name that table.</summary>
public sealed class SqliteReminderLedgerTests : DeliveryLedgerContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<IDeliveryLedger> CreateAsync() => SqlDeliveryLedger.ForReminders(await _file.MigratedAsync());

    protected override async Task<IReadOnlyList<IDeliveryLedger>> CreateInstancesAsync(int count)
    {
        await _file.MigratedAsync();
        return [.. Enumerable.Range(0, count).Select(_ => SqlDeliveryLedger.ForReminders(_file.Open()))];
    }

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresReminderLedgerTests(PostgresFixture fixture) : DeliveryLedgerContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<IDeliveryLedger> CreateAsync() => SqlDeliveryLedger.ForReminders(await _database.MigratedAsync());

    protected override async Task<IReadOnlyList<IDeliveryLedger>> CreateInstancesAsync(int count)
    {
        await _database.MigratedAsync();
        return [.. Enumerable.Range(0, count).Select(_ => SqlDeliveryLedger.ForReminders(_database.Open()))];
    }

    public void Dispose() => _database.Dispose();
}
