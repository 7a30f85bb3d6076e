using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>A command-line verb that sends with the bot's token counts as one more instance while it works.</summary>
public sealed class DiscordRateShareTests
{
    private readonly FakeTimeProvider _clock = new(RestHarness.Start);

    [Fact]
    public async Task WithinAsync_InstancesRunning_TheyCountTheVerbWhileItWorks_AndNotAfter()
    {
        var store = new SharedLeases(new InMemoryLeaseStore());
        var running = new SharedRateBudget(store, "instance", new RateBudgetPlan("discord:rest", 50), _clock);
        await running.RoundAsync();
        using var services = Verb(store);

        var within = DiscordRateShare.WithinAsync(services, async token =>
        {
            await running.RoundAsync(token);
            return running.Current!.Instances;
        });
        // At the end the verb sends nothing more and gives its share back a window later, on this clock.
        for (var steps = 0; !within.IsCompleted; steps++)
        {
            Assert.True(steps < 1_000, "the verb never gave its share back");
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        var countedDuring = await within;
        await running.RoundAsync();

        Assert.Equal((2, 1), (countedDuring, running.Current!.Instances));
    }

    [Fact]
    public async Task WithinAsync_StoreUnreachable_WorksAtOnceAndHoldsNothingBack()
    {
        using var services = Verb(new SharedLeases(null));

        var worked = await DiscordRateShare.WithinAsync(services, _ => Task.FromResult(true));

        Assert.True(worked);
        Assert.Null(services.GetRequiredService<DiscordRestBudget>().Budget!.Current);
    }

    private ServiceProvider Verb(ILeaseStore store) => new ServiceCollection()
        .AddSingleton<TimeProvider>(_clock)
        .AddSingleton(new DiscordRestPolicy())
        .AddSingleton(store)
        .AddSingleton(new InstanceIdentity("verb"))
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddSingleton<DiscordRestBudget>()
        .BuildServiceProvider();

    /// <summary>Leases every instance would share (a database): not the single process's in-memory store. Null: unreachable.</summary>
    private sealed class SharedLeases(InMemoryLeaseStore? inner) : ILeaseStore
    {
        private InMemoryLeaseStore Inner => inner ?? throw new TimeoutException("the database cannot be reached");

        public Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            Inner.TryAcquireAsync(name, owner, now, ttl, cancellationToken);

        public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
            Inner.ReleaseAsync(name, owner, cancellationToken);

        public Task<IReadOnlyList<Lease>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Inner.ListAsync(prefix, now, cancellationToken);
    }
}
