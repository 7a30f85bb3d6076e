using System.Collections.Immutable;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Coaching;

/// <summary>
/// One cohort in a Discord-like channel on a six-day curriculum, day 1 on 2027-01-04 (posts at 18:00 Paris the evening
/// before), a fake clock, in-memory stores, a recording publisher, and the handlers that check in, share and
/// congratulate, wired as the host wires them.
/// </summary>
internal sealed class CoachingFixture
{
    public static readonly CohortId Id = new("group");

    public CoachingFixture(string now = "2027-01-04T12:00:00Z", Func<Cohort, Cohort>? configure = null)
    {
        Time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        var cohort = new Cohort
        {
            Id = Id,
            CurriculumId = "2022",
            StartDate = new DateOnly(2027, 1, 4),
            TimeZoneId = "Europe/Paris",
            Target = new ChatTarget("console", "channel-1"),
            Threads = true,
            Milestones = [2, 4],
            MilestoneRoleId = "role-1",
        };
        Cohorts = new InMemoryCohortDirectory([configure is null ? cohort : configure(cohort)]);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        IChatPublisher[] publishers = [Publisher];
        Delivery = new DailyPostService(Cohorts, Index, Ledger, publishers, new DailyPostComposer(Index, defaults), new DeliveryOptions(), Time);
        Participation = new ParticipationService(CheckIns, Delivery, Time, shares: Shares, milestones: Milestones);
        var milestones = new MilestoneService(Milestones, publishers, defaults, Time);
        var choices = new LessonChoices(Index);
        Dispatcher = new CommandDispatcher(
            [
                new DoneCommand(Participation, choices, milestones),
                new UndoCommand(Participation, choices),
                new ShareCommand(Participation, Shares, Ledger, publishers, defaults, Time, milestones),
                new MilestonesCommand(Milestones),
                new ProgressCommand(Participation, shares: Shares),
                new LeaderboardCommand(Participation, Shares),
                new StatusCommand(Cohorts, Ledger, Delivery, Time, milestones: Milestones),
                new ForgetMeCommand(Participation),
            ],
            Cohorts,
            defaults,
            Time);
    }

    public FakeTimeProvider Time { get; }

    public CurriculumIndex Index { get; }

    public InMemoryCohortDirectory Cohorts { get; }

    public InMemoryDeliveryLedger Ledger { get; } = new();

    public RecordingPublisher Publisher { get; } = new();

    public InMemoryParticipationStore CheckIns { get; } = new();

    public InMemoryShareStore Shares { get; } = new();

    public InMemoryMilestoneStore Milestones { get; } = new();

    public DailyPostService Delivery { get; }

    public ParticipationService Participation { get; }

    public CommandDispatcher Dispatcher { get; }

    public Cohort Cohort => Cohorts.Find(Id)!;

    public void At(string instant) => Time.SetUtcNow(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

    public Task<Reply> AskAsync(string command, string member = "ada", params (string Name, string Value)[] options) =>
        Dispatcher.DispatchAsync(new CommandRequest
        {
            Command = command,
            Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
            CohortId = Id,
            Channel = Cohort.Target,
            MemberId = member,
            IsModerator = true,
        }).AsTask();

    /// <summary>Every public message in the channel (not threads), as plain text.</summary>
    public IReadOnlyList<string> ChannelTexts =>
        [.. Publisher.Posts.Select(post => string.Join("\n", post.Post.Paragraphs.SelectMany(paragraph => paragraph.Lines).Select(line => line.PlainText)))];

    public static string TextOf(Reply reply) =>
        string.Join("\n", reply.Paragraphs.SelectMany(paragraph => paragraph.Lines).Select(line => line.PlainText));
}
