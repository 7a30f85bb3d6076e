using System.Collections.Immutable;
using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace DevOps90.Bot.Reports.Tests.Charts;

/// <summary><c>/certificate</c> on a 10-day curriculum from Monday 1 March 2027, drawn by the real renderer.</summary>
public sealed class CertificateTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2027-03-10T19:00:00Z", CultureInfo.InvariantCulture));
    private readonly Cohort _cohort = new() { Id = new CohortId("evening"), CurriculumId = "2022", StartDate = new DateOnly(2027, 3, 1), TimeZoneId = "Europe/Paris", Language = "fr" };
    private readonly ParticipationService _participation;
    private readonly CommandDispatcher _dispatcher;

    public CertificateTests()
    {
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 10), SampleCurriculum.Make("fr", 10)]);
        var cohorts = new InMemoryCohortDirectory([_cohort]);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var delivery = new DailyPostService(cohorts, index, new InMemoryDeliveryLedger(), [], new DailyPostComposer(index, defaults), new DeliveryOptions(), _clock);
        _participation = new ParticipationService(new InMemoryParticipationStore(), delivery, _clock);
        var certificates = new Certificates(_participation, index, new SkiaCertificateRenderer());
        _dispatcher = new CommandDispatcher([new CertificateCommand(certificates)], cohorts, defaults, _clock);
    }

    [Fact]
    public async Task Certificate_BeforeTheLastDay_SaysHowManyDaysRemain()
    {
        foreach (var day in Enumerable.Range(1, 7))
        {
            await _participation.CheckInAsync(_cohort, "discord:1", day);
        }

        var reply = await AskAsync();

        Assert.Empty(reply.Attachments);
        Assert.Equal("Le certificat vient une fois toutes les leçons faites : 7 jours sur 10, encore 3.", reply.Paragraphs[0].ToString());
    }

    [Fact]
    public async Task Certificate_EveryDayDone_IsAPngOfTheCardsSizeInTheGroupsLanguage()
    {
        foreach (var day in Enumerable.Range(1, 10))
        {
            await _participation.CheckInAsync(_cohort, "discord:1", day);
        }

        var reply = await AskAsync();

        var image = Assert.Single(reply.Attachments);
        Assert.Equal((ReplyAttachment.Png, "certificate-evening.png", "Certificat de réussite"), (image.ContentType, image.FileName, image.Description));
        using var bitmap = SKBitmap.Decode(image.Content.ToArray());
        if (Environment.GetEnvironmentVariable("DEVOPS90_KEEP_CERTIFICATE") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, image.Content.ToArray());
        }

        Assert.Equal((SkiaCertificateRenderer.Width, SkiaCertificateRenderer.Height), (bitmap.Width, bitmap.Height));
        Assert.Equal("Bravo ! Votre certificat pour evening.", reply.Paragraphs[0].ToString());
        Assert.True(reply.IsPrivate);
    }

    [Fact]
    public void Render_LongNameAndChineseLines_StillDrawsTheWholeCard()
    {
        var png = new SkiaCertificateRenderer().Render(new CertificateCard(
            "结业证书", new string('W', 200), "已完成 #90DaysOfDevOps", "学习小组：evening", "版本：2022", "2027年3月1日 至 2027年5月29日", "完成 90/90 天"));

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((1200, 800), (bitmap.Width, bitmap.Height));
    }

    private async Task<Reply> AskAsync() => await _dispatcher.DispatchAsync(new CommandRequest
    {
        Command = "certificate",
        CohortId = _cohort.Id,
        MemberId = "discord:1",
        DisplayName = "Ada Lovelace",
        UserLocale = "en",
        Options = ImmutableDictionary<string, string>.Empty,
    });
}
