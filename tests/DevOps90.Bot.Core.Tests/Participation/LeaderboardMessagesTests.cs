using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

/// <summary>The leaderboard message a cohort keeps in its channel, refreshed after each daily post. It is day 3.</summary>
public sealed class LeaderboardMessagesTests
{
    private readonly DeliveryFixture _bot = new(Cohort("2027-01-04") with { LeaderboardMessage = true, Language = "fr" }, "2027-01-06T19:00:00Z");
    private readonly InMemoryLeaderboardMessageStore _store = new();
    private readonly ParticipationService _participation;
    private readonly LeaderboardMessages _messages;

    public LeaderboardMessagesTests()
    {
        _participation = new ParticipationService(new InMemoryParticipationStore(), _bot.Service, _bot.Time);
        _messages = new LeaderboardMessages(_bot.Cohorts, _participation, _store, [_bot.Publisher], new BotDefaults("2022", "en", "Europe/Paris"));
    }

    [Fact]
    public async Task AfterTheFirstPost_PostsTheLeaderboard_ThenEditsThatMessageAfterTheNext()
    {
        var cohort = _bot.Cohorts.Find(Id)!;
        await _participation.CheckInAsync(cohort, "ada", null);

        var first = await _messages.AfterDeliveryAsync(Sent());
        await _participation.CheckInAsync(cohort, "bob", null);
        var second = await _messages.AfterDeliveryAsync(Sent());

        Assert.Equal(new LeaderboardMessageOutcome(LeaderboardMessageStatus.Posted, "message-1"), first);
        Assert.Equal(new LeaderboardMessageOutcome(LeaderboardMessageStatus.Edited, "message-1"), second);
        var posted = Assert.Single(_bot.Publisher.Posts);
        Assert.Null(posted.MentionRoleId);
        Assert.Equal("Classement — depuis le début", posted.Post.Title);
        Assert.Equal("Mis à jour après chaque publication quotidienne · validez vos jours avec /done ou le bouton ✅ du message quotidien", posted.Post.Footer);
        var edit = Assert.Single(_bot.Publisher.Edits);
        Assert.Equal("message-1", edit.MessageId);
        Assert.Contains("@bob", Assert.Single(edit.Post.Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedMessage_IsReplacedByANewOne_UnderAKeyOfItsOwn()
    {
        await _messages.RefreshAsync(Id);
        _bot.Publisher.FailNext(PublishResult.Permanent("Discord 404 (10008): Unknown Message"));

        var outcome = await _messages.RefreshAsync(Id);

        Assert.Equal(new LeaderboardMessageOutcome(LeaderboardMessageStatus.Posted, "message-2"), outcome);
        Assert.Equal("message-2", (await _store.FindAsync(Id))!.MessageId);
        Assert.Equal(2, _bot.Publisher.Posts.Select(post => post.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task EditFailingForNow_PostsNothingNew_AndKeepsTheMessage()
    {
        await _messages.RefreshAsync(Id);
        _bot.Publisher.FailNext(PublishResult.Transient("Discord 503"));

        var outcome = await _messages.RefreshAsync(Id);

        Assert.Equal(LeaderboardMessageStatus.NotUpdated, outcome.Status);
        Assert.Single(_bot.Publisher.Posts);
        Assert.Equal("message-1", (await _store.FindAsync(Id))!.MessageId);
    }

    [Fact]
    public async Task CohortMovedToAnotherChannel_GetsANewMessageThere()
    {
        await _messages.RefreshAsync(Id);
        _bot.Cohorts.Upsert(_bot.Cohorts.Find(Id)! with { Target = new ChatTarget("console", "elsewhere") });

        var outcome = await _messages.RefreshAsync(Id);

        Assert.Equal(LeaderboardMessageStatus.Posted, outcome.Status);
        Assert.Equal(new ChatTarget("console", "elsewhere"), _bot.Publisher.Posts.Last().Target);
        Assert.Empty(_bot.Publisher.Edits);
    }

    [Fact]
    public async Task CohortWithoutIt_OrADeliveryThatSentNothing_ChangesNothing()
    {
        var nothingSent = await _messages.AfterDeliveryAsync(new DeliveryOutcome(DeliveryStatus.NothingDue));
        _bot.Cohorts.Upsert(_bot.Cohorts.Find(Id)! with { LeaderboardMessage = false });
        var off = await _messages.AfterDeliveryAsync(Sent());

        Assert.Equal(LeaderboardMessageStatus.Off, nothingSent.Status);
        Assert.Equal(LeaderboardMessageStatus.Off, off.Status);
        Assert.Empty(_bot.Publisher.Posts);
    }

    [Fact]
    public async Task ForgetMe_RewritesTheLeaderboardMessageWithoutTheMember_AndPostsNoneWhereThereWasNone()
    {
        var cohort = _bot.Cohorts.Find(Id)!;
        await _participation.CheckInAsync(cohort, "ada", null);
        await _participation.CheckInAsync(cohort, "bob", null);
        var forgetMe = new CommandDispatcher([new ForgetMeCommand(_participation, _messages)], _bot.Cohorts, new BotDefaults("2022", "en", "Europe/Paris"), _bot.Time);
        await _messages.RefreshAsync(Id);
        _bot.Cohorts.Upsert(cohort with { Id = new CohortId("empty"), Target = new ChatTarget("console", "other") });

        await forgetMe.DispatchAsync(new CommandRequest { Command = "forget-me", MemberId = "ada", Options = ImmutableDictionary<string, string>.Empty.Add("confirm", "confirm") });

        var rewritten = Assert.Single(_bot.Publisher.Edits).Post;
        Assert.DoesNotContain("@ada", Assert.Single(rewritten.Paragraphs).ToString(), StringComparison.Ordinal);
        Assert.Contains("@bob", Assert.Single(rewritten.Paragraphs).ToString(), StringComparison.Ordinal);
        Assert.Single(_bot.Publisher.Posts);
    }

    [Fact]
    public async Task TurnedOnWithTheCohortCommand_TheMessageIsPostedAtOnce()
    {
        var registry = new CohortRegistry(new InMemoryCohortStore());
        await registry.InitializeAsync([Cohort("2027-01-04")]);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var messages = new LeaderboardMessages(registry, _participation, _store, [_bot.Publisher], defaults);
        var dispatcher = new CommandDispatcher([new CohortCommand(registry, defaults, _bot.Time, messages)], registry, defaults, _bot.Time);

        var reply = await dispatcher.DispatchAsync(new CommandRequest
        {
            Command = "cohort",
            CohortId = Id,
            IsModerator = true,
            UserLocale = "en",
            Options = ImmutableDictionary<string, string>.Empty.Add("action", "leaderboard").Add("value", "on"),
        });

        Assert.False(reply.IsError);
        Assert.Equal("Leaderboard — since the start", Assert.Single(_bot.Publisher.Posts).Post.Title);
        Assert.NotNull(await _store.FindAsync(Id));
    }

    private static DeliveryOutcome Sent() => new(DeliveryStatus.Sent, new DeliveryKey(Id, "day-3"), "message-0");
}
