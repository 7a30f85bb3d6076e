using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Delivery;

/// <summary>One cohort on a six-day curriculum, a fake clock, an in-memory ledger and a recording publisher.</summary>
internal sealed class DeliveryFixture
{
    public static readonly CohortId Id = new("group");

    public DeliveryFixture(Cohort cohort, string now, IDeliveryLedger? ledger = null)
    {
        Time = new FakeTimeProvider(At(now));
        Cohorts = new InMemoryCohortDirectory([cohort]);
        Index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        Ledger = ledger ?? new InMemoryDeliveryLedger();
        Service = NewService();
    }

    public FakeTimeProvider Time { get; }

    public InMemoryCohortDirectory Cohorts { get; }

    public CurriculumIndex Index { get; }

    public IDeliveryLedger Ledger { get; }

    public RecordingPublisher Publisher { get; } = new();

    public DailyPostService Service { get; }

    public static Cohort Cohort(string start, string zone = "Europe/Paris", Cadence? cadence = null) => new()
    {
        Id = Id,
        CurriculumId = "2022",
        StartDate = DateOnly.Parse(start, CultureInfo.InvariantCulture),
        TimeZoneId = zone,
        Cadence = cadence ?? Cadence.Daily,
        PostTime = new TimeOnly(18, 0),
    };

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    /// <summary>A second instance of the bot: its own service and owner id, the same ledger, cohorts and clock.</summary>
    public DailyPostService NewService() => new(
        Cohorts,
        Index,
        Ledger,
        [Publisher],
        new DailyPostComposer(Index, new BotDefaults("2022", "en", "Europe/Paris")),
        new DeliveryOptions(),
        Time);

    public Task<DeliveryOutcome> DeliverAt(string instant)
    {
        Time.SetUtcNow(At(instant));
        return Service.DeliverDueAsync(Id);
    }

    public IReadOnlyList<string> Titles => [.. Publisher.Posts.Select(post => post.Post.Title ?? "")];
}
