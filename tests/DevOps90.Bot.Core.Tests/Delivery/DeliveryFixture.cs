using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Telemetry;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Delivery;

/// <summary>
/// One cohort (or several) on a six-day curriculum, a fake clock, an in-memory ledger and a recording publisher (or
/// the one given).
/// </summary>
internal sealed class DeliveryFixture
{
    public static readonly CohortId Id = new("group");

    private readonly IChatPublisher? _platform;

    public DeliveryFixture(Cohort cohort, string now, IDeliveryLedger? ledger = null)
        : this([cohort], now, ledger)
    {
    }

    public DeliveryFixture(IReadOnlyList<Cohort> cohorts, string now, IDeliveryLedger? ledger = null, IChatPublisher? platform = null, int lessonDays = 6)
    {
        _platform = platform;
        Time = new FakeTimeProvider(At(now));
        Cohorts = new InMemoryCohortDirectory(cohorts);
        Index = new CurriculumIndex([SampleCurriculum.Make("en", lessonDays), SampleCurriculum.Make("fr", 3)]);
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
    public DailyPostService NewService(DeliveryOptions? options = null, BotMetrics? metrics = null) => new(
        Cohorts,
        Index,
        Ledger,
        [_platform ?? Publisher],
        new DailyPostComposer(Index, new BotDefaults("2022", "en", "Europe/Paris")),
        options ?? new DeliveryOptions(),
        Time,
        metrics);

    /// <summary><paramref name="count"/> cohorts like <see cref="Cohort"/>, each in its own channel, all posting at 18:00 Paris time.</summary>
    public static IReadOnlyList<Cohort> ManyCohorts(int count, string start) =>
        [.. Enumerable.Range(1, count).Select(number => Cohort(start) with
        {
            Id = new CohortId($"group-{number}"),
            Target = new ChatTarget("console", $"channel-{number}"),
        })];

    public Task<DeliveryOutcome> DeliverAt(string instant)
    {
        Time.SetUtcNow(At(instant));
        return Service.DeliverDueAsync(Id);
    }

    public IReadOnlyList<string> Titles => [.. Publisher.Posts.Select(post => post.Post.Title ?? "")];
}
