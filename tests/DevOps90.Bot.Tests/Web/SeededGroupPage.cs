using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.LocalConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// The real host on loopback, on a fake clock at 11:00 Paris time on day 7 of the console group (French, from
/// 2027-01-01, posts at 18:00, skips 2027-01-20), with its page on and a few check-ins: a member with a hostile name,
/// one who hid themselves, and an ordinary one. Their platform ids are long numbers that must never reach the page.
/// </summary>
internal sealed class SeededGroupPage : IAsyncDisposable
{
    public const string HostileName = "<script>alert('x')</script> & Ada";
    public const string HiddenName = "Hidden Harry";
    public const string ShownName = "Grace Hopper";
    public const string AdaId = "discord:123456789012345671";
    public const string HiddenId = "discord:123456789012345672";
    public const string GraceId = "discord:123456789012345673";

    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-07T10:00:00Z", CultureInfo.InvariantCulture);

    private SeededGroupPage(TestHost host, FakeTimeProvider clock) => (Host, Clock) = (host, clock);

    public TestHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseAddress => new(Host.App.Urls.First());

    public Cohort Cohort => Host.Services.GetRequiredService<ICohortDirectory>().Find(new CohortId("console"))!;

    public ParticipationService Participation => Host.Services.GetRequiredService<ParticipationService>();

    public static async Task<SeededGroupPage> StartAsync(bool pageOn = true, IEnumerable<string>? settings = null, Action<IServiceCollection>? overrides = null)
    {
        var clock = new FakeTimeProvider(Now);
        var host = new TestHost(
            [$"--Cohorts:0:Page={pageOn}", "--Cohorts:0:SkippedDates:0=2027-01-20", "--Web:PublicBaseUrl=https://bot.example.org", .. settings ?? []],
            services =>
            {
                services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false));
                services.AddSingleton<TimeProvider>(clock);
                overrides?.Invoke(services);
            });
        var page = new SeededGroupPage(host, clock);
        await host.App.StartAsync();
        await page.SeedAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.App.StopAsync();
        await Host.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var participation = Participation;
        foreach (var day in new[] { 5, 6, 7 })
        {
            await participation.CheckInAsync(Cohort, AdaId, day, HostileName);
            await participation.CheckInAsync(Cohort, HiddenId, day, HiddenName);
        }

        await participation.CheckInAsync(Cohort, GraceId, 7, ShownName);
        await participation.SetHiddenAsync(HiddenId, true);
    }
}
