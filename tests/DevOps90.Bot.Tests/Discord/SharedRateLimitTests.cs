using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// Three instances' REST clients, each with its own limiter and connections, on one PostgreSQL database and one fake
/// Discord on loopback: they split the bot's global 50 requests a second through the database and every request
/// arrives; when one stops renewing its heartbeat, the other two take its share. That no second holds more than 50 is
/// proved on the limiters' own clock (DevOps90.Bot.Discord.Tests, SharedGlobalLimitTests): counted here, at the fake's
/// socket, it depended on the machine's load (a request let go on time can be held back in the process and arrive
/// together with the next ones; it failed once at a load average of 40), which no limiter in the process decides.
/// </summary>
public sealed class SharedRateLimitTests
{
    // Short rounds so that the test's joining wait and takeover take a second or two, not several; a lease's life of at
    // least a round and the limiter's window (see RateBudgetPlan.Ttl).
    private static readonly RateBudgetPlan Plan = new("discord:rest", 50)
    {
        Round = TimeSpan.FromMilliseconds(250), Ttl = TimeSpan.FromMilliseconds(1_500), Window = TimeSpan.FromMilliseconds(1_025),
    };

    // Generous: a bound for a broken path to fail on, not a speed to meet.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task ThreeInstances_SendWithinTheGlobalLimitTogether_AndTakeTheShareOfOneWhoseHeartbeatLapsed()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var fake = await FakeDiscordServer.StartAsync();
        var instances = new List<Instance>();
        for (var i = 0; i < 3; i++)
        {
            instances.Add(new Instance(database.ConnectionString, fake.ApiBaseUrl, $"instance-{i}"));
        }

        await using var _ = new Disposables(instances);
        await new MigrationRunner(instances[0].Database, TimeProvider.System).MigrateAsync();
        using var stopFirstTwo = new CancellationTokenSource();
        using var stopThird = new CancellationTokenSource();
        var rounds = new[] { instances[0].Budget.RunAsync(stopFirstTwo.Token), instances[1].Budget.RunAsync(stopFirstTwo.Token), Beat(instances[2].Budget, stopThird.Token) };

        // Connections opened and code compiled first: a cold client's first requests queue behind its connections and
        // arrive bunched, whatever their pacing (a single instance's start does the same), which is not what this measures.
        await Task.WhenAll(instances.Select((instance, i) => instance.PostAsync(100 + i, 3))).WaitAsync(Patience);
        var measured = TimeProvider.System.GetUtcNow();
        await Task.WhenAll(instances.Select((instance, i) => instance.PostAsync(i, 40))).WaitAsync(Patience);
        var together = await SharesOnceEachCountedAllAsync(instances);
        // The third dies: no more rounds, its heartbeat not released; the other two take its share once it lapses.
        await stopThird.CancelAsync();
        await WaitUntilAsync(() => instances[..2].All(instance => instance.Budget.Current?.PerSecond == 25));
        await Task.WhenAll(instances[..2].Select((instance, i) => instance.PostAsync(10 + i, 40))).WaitAsync(Patience);
        await stopFirstTwo.CancelAsync();
        await Task.WhenAll(rounds).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        var arrivals = fake.Requests.Where(request => request.Method == "POST" && request.ReceivedAt >= measured).Select(request => request.ReceivedAt).Order().ToList();
        Assert.Equal(200, arrivals.Count);
        // 50 / 3 with the remainder to the first two in the heartbeats' order: the whole limit, no more.
        Assert.Equal([17, 17, 16], together);
    }

    /// <summary>Rounds like <see cref="SharedRateBudget.RunAsync"/> but, when stopped, gives nothing back: a process killed.</summary>
    private static async Task Beat(SharedRateBudget budget, CancellationToken dead)
    {
        while (!dead.IsCancellationRequested)
        {
            await budget.RoundAsync(CancellationToken.None);
            await Task.Delay(budget.Plan.Round, CancellationToken.None);
        }
    }

    /// <summary>
    /// The instances' shares at a moment when each has counted all three lately. Read at any moment, a share can be 0
    /// only because that instance's last count is older than the lease's life less the window (475 ms here): one round
    /// late on a loaded machine (CI), which says nothing of the split.
    /// </summary>
    private static async Task<List<int>> SharesOnceEachCountedAllAsync(List<Instance> instances)
    {
        List<RateShare> shares = [];
        try
        {
            await WaitUntilAsync(() =>
            {
                shares = [.. instances.Select(instance => instance.Budget.Current!)];
                return shares.All(share => share.Instances == instances.Count && share.PerSecond > 0);
            });
        }
        catch (OperationCanceledException)
        {
            // Never counted together: the caller's assertion shows the last shares seen.
        }

        return [.. shares.Select(share => share.PerSecond)];
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>One instance: its own pool, lease store, budget, limiter and client.</summary>
    private sealed class Instance : IDisposable
    {
        private readonly NpgsqlDataSource _pool;
        private readonly HttpClient _http = new();
        private readonly DiscordRestClient _client;

        public Instance(string connectionString, string apiBaseUrl, string id)
        {
            _pool = NpgsqlDataSource.Create(connectionString);
            Database = new PostgresDatabase(_pool);
            Budget = new SharedRateBudget(new SqlLeaseStore(Database), id, Plan, TimeProvider.System);
            var policy = new DiscordRestPolicy();
            var limiter = new DiscordRateLimiter(policy, TimeProvider.System, NullLogger<DiscordRateLimiter>.Instance, Budget);
            var options = Options.Create(new DiscordOptions { Token = "test-token", ApplicationId = "1325000000000000000", ApiBaseUrl = apiBaseUrl });
            _client = new DiscordRestClient(_http, limiter, policy, options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        }

        public PostgresDatabase Database { get; }

        public SharedRateBudget Budget { get; }

        /// <summary>Posts <paramref name="count"/> messages at once, each to its own channel, so no per-route bucket slows them.</summary>
        public Task<DiscordMessage[]> PostAsync(int batch, int count) => Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            _client.CreateMessageAsync(new Snowflake((ulong)(1_000_000 + (batch * 1_000) + i)), new MessagePayload { Content = "day" })));

        public void Dispose()
        {
            _http.Dispose();
            _pool.Dispose();
        }
    }

    private sealed class Disposables(IEnumerable<IDisposable> items) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }

            return ValueTask.CompletedTask;
        }
    }
}
