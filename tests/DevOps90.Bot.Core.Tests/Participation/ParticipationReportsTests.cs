using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

/// <summary>
/// /participation export and chart, and the chart of /progress, with a CSV writer and charts that record what they are
/// given (the real ones are tested in the reports project). The cohort starts Monday 2027-01-04 in Paris; it is day 3.
/// </summary>
public sealed class ParticipationReportsTests
{
    private readonly DeliveryFixture _bot = new(Cohort("2027-01-04"), "2027-01-06T19:00:00Z");
    private readonly RecordingCsvWriter _csv = new();
    private readonly RecordingCharts _charts = new();
    private readonly CommandDispatcher _dispatcher;
    private readonly CommandDispatcher _withoutReports;

    public ParticipationReportsTests()
    {
        var participation = new ParticipationService(new InMemoryParticipationStore(), _bot.Service, _bot.Time);
        var reports = new ParticipationReports(participation, _csv, _charts);
        var choices = new LessonChoices(_bot.Index);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        _dispatcher = new CommandDispatcher(
            [new DoneCommand(participation, choices), new ProgressCommand(participation, reports), new ParticipationCommand(participation, reports)], _bot.Cohorts, defaults, _bot.Time);
        _withoutReports = new CommandDispatcher(
            [new ProgressCommand(participation), new ParticipationCommand(participation)], _bot.Cohorts, defaults, _bot.Time);
    }

    [Fact]
    public async Task Export_AllDates_SendsEveryCheckInByLessonDayWithItsDateLocalTimeAndLateness()
    {
        await CheckInsAsync();

        var reply = await Ask("en", "export");

        var file = Assert.Single(reply.Attachments);
        Assert.Equal("participation-group-start-today.csv", file.FileName);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal(
            "ada,1,2027-01-04,2027-01-06T19:00:00Z,2027-01-06T20:00:00+01:00,True\n" +
            "bob,2,2027-01-05,2027-01-07T00:30:00Z,2027-01-07T01:30:00+01:00,True\n" +
            "ada,3,2027-01-06,2027-01-06T19:00:00Z,2027-01-06T20:00:00+01:00,False\n" +
            "bob,3,2027-01-06,2027-01-06T19:00:00Z,2027-01-06T20:00:00+01:00,False\n",
            Encoding.UTF8.GetString(file.Content.Span));
        Assert.Equal("4 check-ins exported (all dates), one row per member and lesson day.", Assert.Single(reply.Paragraphs));
        Assert.True(reply.IsPrivate);
        Assert.Null(reply.Image);
    }

    [Fact]
    public async Task Export_Period_KeepsCheckInsMadeOnThoseLocalDates_AndSaysWhichInFrench()
    {
        await CheckInsAsync();

        var reply = await Ask("fr", "export", ("from", "2027-01-07"), ("to", "2027-01-07"));

        Assert.Equal("participation-group-2027-01-07-2027-01-07.csv", Assert.Single(reply.Attachments).FileName);
        Assert.StartsWith("bob,2,", Encoding.UTF8.GetString(Assert.Single(reply.Attachments).Content.Span), StringComparison.Ordinal);
        Assert.Equal("1 validations exportées (du jeudi 7 janvier au jeudi 7 janvier), une ligne par membre et par jour de leçon.", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("en", "2027-13-01", null, "“2027-13-01” is not a date: use YYYY-MM-DD, e.g. 2027-01-31.")]
    [InlineData("fr", null, "07/01/2027", "« 07/01/2027 » n'est pas une date : utilisez AAAA-MM-JJ, par exemple 2027-01-31.")]
    [InlineData("en", "2027-01-08", "2027-01-07", "The first date (Friday 8 January) is after the last one (Thursday 7 January).")]
    public async Task Export_BadDates_AreRefusedWithTheReason(string language, string? from, string? to, string message)
    {
        (string, string)[] options = [.. new[] { ("from", from), ("to", to) }.Where(option => option.Item2 is not null).Select(option => (option.Item1, option.Item2!))];

        var reply = await Ask(language, "export", options);

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public async Task Chart_InEnglish_LabelsTheAxisCheckInsAndExplainsBarsAndLine()
    {
        await CheckInsAsync();

        await Ask("en", "chart");

        Assert.Equal(
            new ChartLabels("Check-ins per lesson day — group", "Lesson day", "Check-ins", "Bars: check-ins of that lesson day", "Line: members active on that lesson's date"),
            _charts.Cohort!.Labels);
    }

    [Fact]
    public async Task Chart_GivesEachLessonDaysCheckInsAndTheMembersActiveUntilTheNextMorningsCutoff()
    {
        await CheckInsAsync();

        var reply = await Ask("fr", "chart");

        var chart = Assert.Single(reply.Attachments);
        Assert.Equal("participation-group.png", chart.FileName);
        Assert.Equal(chart.FileName, reply.Image);
        // Bob's 01:30 check-in counts for the evening before (grace cutoff 04:00): two members active on day 3.
        Assert.Equal([new CohortChartDay(1, 1, 0), new CohortChartDay(2, 1, 0), new CohortChartDay(3, 2, 2)], _charts.Cohort!.Days);
        // The count axis counts check-ins; the legend says what the bars and the line each are.
        Assert.Equal(
            new ChartLabels("Validations par jour de leçon — group", "Jour de leçon", "Validations", "Barres : validations de ce jour de leçon", "Ligne : membres actifs à la date de ce jour"),
            _charts.Cohort.Labels);
        Assert.Equal("3 jours de leçon · 4 validations · 2 membres actifs le dernier jour de leçon.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Chart_BeforeTheFirstLessonDay_SaysThereIsNothingToChart()
    {
        var early = new DeliveryFixture(Cohort("2027-01-04"), "2027-01-02T12:00:00Z");
        var participation = new ParticipationService(new InMemoryParticipationStore(), early.Service, early.Time);
        var command = new ParticipationCommand(participation, new ParticipationReports(participation, _csv, _charts));
        var dispatcher = new CommandDispatcher([command], early.Cohorts, new BotDefaults("2022", "en", "Europe/Paris"), early.Time);

        var reply = await dispatcher.DispatchAsync(Request("participation", "en", "ada", "chart") with { IsModerator = true });

        Assert.Equal("No lesson day has been reached yet: there is nothing to chart.", Assert.Single(reply.Paragraphs));
        Assert.Null(_charts.Cohort);
    }

    [Fact]
    public async Task Progress_AttachesTheMembersDaysAsTheReplysPicture()
    {
        await CheckInsAsync();

        var reply = await _dispatcher.DispatchAsync(Request("progress", "en", "ada"));

        Assert.Equal("progress.png", Assert.Single(reply.Attachments).FileName);
        Assert.Equal("progress.png", reply.Image);
        Assert.Equal((6, 3), (_charts.Member!.TotalDays, _charts.Member.CurrentDay));
        Assert.Equal([1, 3], _charts.Member.Done.Order());
        Assert.Equal([1], _charts.Member.Late);
        Assert.Equal("Done late", _charts.Member.Labels.Late);
    }

    [Fact]
    public async Task WithoutReports_ExportSaysSo_AndProgressHasNoPicture()
    {
        var export = await _withoutReports.DispatchAsync(Request("participation", "en", "ada", "export") with { IsModerator = true });
        var progress = await _withoutReports.DispatchAsync(Request("progress", "en", "ada"));

        Assert.Equal("Reports are not available on this bot.", Assert.Single(export.Paragraphs));
        Assert.Empty(progress.Attachments);
        Assert.Null(progress.Image);
    }

    [Fact]
    public async Task Export_ForAMember_IsRefused()
    {
        var reply = await _dispatcher.DispatchAsync(Request("participation", "en", "ada", "export"));

        Assert.True(reply.IsError);
        Assert.Equal("/participation is for the study group's moderators.", Assert.Single(reply.Paragraphs));
        Assert.Empty(reply.Attachments);
    }

    // ada: day 1 (late) and day 3 at 20:00 Paris; bob: day 3 then, and day 2 (late) at 01:30 the next night.
    private async Task CheckInsAsync()
    {
        await _dispatcher.DispatchAsync(Request("done", "en", "ada") with { Options = ImmutableDictionary<string, string>.Empty.Add("day", "1") });
        await _dispatcher.DispatchAsync(Request("done", "en", "ada"));
        await _dispatcher.DispatchAsync(Request("done", "en", "bob"));
        _bot.Time.SetUtcNow(At("2027-01-07T00:30:00Z"));
        await _dispatcher.DispatchAsync(Request("done", "en", "bob") with { Options = ImmutableDictionary<string, string>.Empty.Add("day", "2") });
    }

    private Task<Reply> Ask(string language, string subcommand, params (string Name, string Value)[] options) =>
        _dispatcher.DispatchAsync(Request("participation", language, "ada", subcommand) with
        {
            IsModerator = true,
            Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
        }).AsTask();

    private static CommandRequest Request(string command, string language, string member, string? subcommand = null) => new()
    {
        Command = command,
        Subcommand = subcommand,
        CohortId = Id,
        MemberId = member,
        UserLocale = language,
    };

    /// <summary>Writes "member,day,lesson date,utc,local,late" lines, enough to see what the service hands to a writer.</summary>
    private sealed class RecordingCsvWriter : ICheckInCsvWriter
    {
        public async Task<long> WriteAsync(IAsyncEnumerable<CheckInRow> rows, Stream output, CancellationToken cancellationToken = default)
        {
            long count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"{row.MemberId},{row.Day},{row.LessonDate:yyyy-MM-dd},{row.CheckedInUtc:yyyy-MM-ddTHH:mm:ssZ},{row.CheckedInLocal:yyyy-MM-ddTHH:mm:sszzz},{row.IsLate}\n");
                await output.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
                count++;
            }

            return count;
        }
    }

    private sealed class RecordingCharts : IParticipationCharts
    {
        public CohortChart? Cohort { get; private set; }

        public MemberChart? Member { get; private set; }

        public byte[] RenderCohort(CohortChart chart)
        {
            Cohort = chart;
            return [1, 2, 3];
        }

        public byte[] RenderMember(MemberChart chart)
        {
            Member = chart;
            return [4, 5, 6];
        }
    }
}
