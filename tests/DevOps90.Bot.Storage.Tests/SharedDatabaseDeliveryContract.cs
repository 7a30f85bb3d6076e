using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>Two bot instances on one database, as two schedulers sharing it would be.</summary>
public abstract class SharedDatabaseDeliveryContract(ITestDatabase engine) : IDisposable
{
    [SkippableFact]
    public async Task DeliverDue_TwoInstancesOnOneDatabaseAtTheSameMoment_PostOnce()
    {
        await engine.MigratedAsync();
        var publisher = new RecordingPublisher();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-02T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var cohort = new Cohort { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2027, 1, 1), TimeZoneId = "Europe/Paris" };
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6)]);

        DailyPostService Instance() => new(
            new InMemoryCohortDirectory([cohort]),
            index,
            new SqlDeliveryLedger(engine.Open()),
            [publisher],
            new DailyPostComposer(index, new BotDefaults("2022", "en", "Europe/Paris")),
            new DeliveryOptions(),
            clock);

        var instances = new[] { Instance(), Instance() };
        var rounds = new List<DeliveryOutcome>();
        for (var round = 0; round < 5; round++)
        {
            rounds.AddRange(await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.DeliverDueAsync(cohort.Id)))));
        }

        Assert.Single(publisher.Posts);
        Assert.Single(rounds, outcome => outcome.Status == DeliveryStatus.Sent);
        Assert.All(rounds.Where(outcome => outcome.Status != DeliveryStatus.Sent), outcome => Assert.Contains(outcome.Status, new[] { DeliveryStatus.Busy, DeliveryStatus.AlreadySettled }));
    }

    public void Dispose()
    {
        engine.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSharedDatabaseDeliveryTests() : SharedDatabaseDeliveryContract(new SqliteFile());

public sealed class PostgresSharedDatabaseDeliveryTests(PostgresFixture fixture) : SharedDatabaseDeliveryContract(new PostgresTestDatabase(fixture)), IClassFixture<PostgresFixture>;
