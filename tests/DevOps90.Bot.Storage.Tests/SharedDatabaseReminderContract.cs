using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>Reminders in the SQL stores, with two bot instances (and a restart) on one database.</summary>
public abstract class SharedDatabaseReminderContract(ITestDatabase engine) : IDisposable
{
    private static readonly Cohort _cohort = new() { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2027, 1, 1), TimeZoneId = "Europe/Paris" };

    // Day 2 of the group on 2 January; 20:30 in Paris is 19:30 UTC.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2027-01-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RecordingMessenger _messenger = new();

    [SkippableFact]
    public async Task Run_TwoInstancesEachMinuteAndARestart_OneReminderPerMemberAndDay()
    {
        var database = await engine.MigratedAsync();
        var members = Enumerable.Range(1, 40).Select(number => $"m{number:D2}").ToList();
        var setter = new ReminderService(new SqlReminderStore(database), _clock);
        foreach (var member in members)
        {
            await setter.SetAsync(_cohort, member, new TimeOnly(20, 30), null, "en");
        }

        _clock.SetUtcNow(DateTimeOffset.Parse("2027-01-02T19:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        for (var minute = 0; minute < 3; minute++)
        {
            // Each minute two instances run at once; the third minute's are restarts (new owners).
            await Task.WhenAll(Task.Run(() => Instance().RunAsync()), Task.Run(() => Instance().RunAsync()));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(members, _messenger.Sent.Select(sent => sent.MemberId).Order(StringComparer.Ordinal));
        Assert.Equal(members.Count, _messenger.Attempts.Count);
    }

    [SkippableFact]
    public async Task Store_BlockedAndForgotten_AreLeftOutAndDeletedWithTheirLedgerLines()
    {
        var database = await engine.MigratedAsync();
        var store = new SqlReminderStore(database);
        var ledger = SqlDeliveryLedger.ForReminders(database);
        var service = new ReminderService(store, _clock);
        var ada = await service.SetAsync(_cohort, "discord:1", new TimeOnly(20, 30), "America/New_York", "fr");
        await service.SetAsync(_cohort, "discord:2", new TimeOnly(20, 30), null, "en");
        await store.MarkBlockedAsync(_cohort.Id, "discord:2", _clock.GetUtcNow());
        var key = new DeliveryKey(_cohort.Id, "2027-01-02/discord:1");
        await ledger.TryClaimAsync(key, ada.NextAt, "test", _clock.GetUtcNow(), TimeSpan.FromMinutes(1));

        var due = await store.DueAsync(ada.NextAt, 10);
        var moved = await store.RescheduleAsync(_cohort.Id, "discord:1", ada.NextAt, ada.NextAt.AddDays(1));
        var movedAgain = await store.RescheduleAsync(_cohort.Id, "discord:1", ada.NextAt, ada.NextAt.AddDays(2));
        await store.ForgetMemberAsync("discord:1");

        Assert.Equal(ada, Assert.Single(due));
        Assert.Equal((true, false), (moved, movedAgain));
        Assert.Null(await store.FindAsync(_cohort.Id, "discord:1"));
        Assert.Null(await ledger.FindAsync(key));
        Assert.NotNull((await store.FindAsync(_cohort.Id, "discord:2"))!.BlockedAt);
        Assert.Empty(await new SqlDeliveryLedger(database).RecentAsync(_cohort.Id, 10));
    }

    public void Dispose()
    {
        engine.Dispose();
        GC.SuppressFinalize(this);
    }

    private ReminderRound Instance()
    {
        var database = engine.Open();
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6)]);
        var cohorts = new InMemoryCohortDirectory([_cohort]);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var delivery = new DailyPostService(cohorts, index, new SqlDeliveryLedger(database), [], new DailyPostComposer(index, defaults), new DeliveryOptions(), _clock);
        var participation = new ParticipationService(new SqlParticipationStore(database), delivery, _clock);
        return new ReminderRound(
            cohorts, participation, new SqlReminderStore(database), new ReminderLedger(SqlDeliveryLedger.ForReminders(database)),
            [_messenger], index, defaults, new ReminderOptions { Concurrency = 8 }, _clock);
    }
}

public sealed class SqliteSharedDatabaseReminderTests() : SharedDatabaseReminderContract(new SqliteFile());

public sealed class PostgresSharedDatabaseReminderTests(PostgresFixture fixture) : SharedDatabaseReminderContract(new PostgresTestDatabase(fixture)), IClassFixture<PostgresFixture>;
