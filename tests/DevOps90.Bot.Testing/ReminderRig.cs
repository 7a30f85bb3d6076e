using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Reminders;

namespace DevOps90.Bot.Testing;

/// <summary>
/// One cohort on the six-day sample curriculum with reminders, check-ins and the reminders' ledger in memory, and
/// a platform's messenger: for adapter tests that run a reminder round end to end against a fake platform.
/// </summary>
public sealed class ReminderRig
{
    public ReminderRig(Cohort cohort, IDirectMessenger messenger, TimeProvider time)
    {
        Cohort = cohort;
        Time = time;
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        var cohorts = new InMemoryCohortDirectory([cohort]);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var delivery = new DailyPostService(cohorts, index, new InMemoryDeliveryLedger(), [], new DailyPostComposer(index, defaults), new DeliveryOptions(), time);
        Participation = new ParticipationService(new InMemoryParticipationStore(), delivery, time);
        Round = new ReminderRound(cohorts, Participation, Store, new ReminderLedger(Ledger), [messenger], index, defaults, new ReminderOptions { Concurrency = 1 }, time);
    }

    public Cohort Cohort { get; }

    public TimeProvider Time { get; }

    public ParticipationService Participation { get; }

    public InMemoryReminderStore Store { get; } = new();

    public InMemoryDeliveryLedger Ledger { get; } = new();

    public ReminderRound Round { get; }

    /// <summary>A reminder due now, in the member's language.</summary>
    public Task DueNowAsync(string memberId, string language = "en") =>
        Store.SetAsync(new Reminder(Cohort.Id, memberId, TimeOnly.FromDateTime(Time.GetUtcNow().UtcDateTime), null, language, Time.GetUtcNow()));
}
