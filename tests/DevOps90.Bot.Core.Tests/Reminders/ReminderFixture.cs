using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Core.Tests.Reminders;

/// <summary>
/// A cohort in Paris from Monday 1 March 2027 on a 30-day curriculum, its check-ins, reminders and the reminders'
/// ledger in memory, a recording messenger ("console" members) and the fake clock.
/// </summary>
internal sealed class ReminderFixture
{
    public ReminderFixture(string now, Func<Cohort, Cohort>? change = null, IReminderStore? store = null, IDeliveryLedger? ledger = null)
    {
        Cohort = (change ?? (cohort => cohort))(DeliveryFixture.Cohort("2027-03-01"));
        Bot = new DeliveryFixture([Cohort], now, lessonDays: 30);
        Participation = new ParticipationService(new InMemoryParticipationStore(), Bot.Service, Bot.Time);
        Store = store ?? new InMemoryReminderStore();
        Ledger = ledger ?? new InMemoryDeliveryLedger();
        Reminders = new ReminderService(Store, Bot.Time);
    }

    public Cohort Cohort { get; }

    public DeliveryFixture Bot { get; }

    public ParticipationService Participation { get; }

    public IReminderStore Store { get; }

    public IDeliveryLedger Ledger { get; }

    public ReminderService Reminders { get; }

    public RecordingMessenger Messenger { get; } = new();

    /// <summary>A bot instance's round (a restart or a second instance is another one, on the same stores).</summary>
    public ReminderRound NewRound() => new(
        Bot.Cohorts,
        Participation,
        Store,
        new ReminderLedger(Ledger),
        [Messenger],
        Bot.Index,
        new BotDefaults("2022", "en", "Europe/Paris"),
        new ReminderOptions(),
        Bot.Time);

    public void At(string instant) => Bot.Time.SetUtcNow(DeliveryFixture.At(instant));
}
