using System.Collections.Immutable;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.Commands;

public sealed class SlackCommandHandlerTests
{
    [Fact]
    public async Task Command_DayInAFrenchCohortChannel_AnswersTheFrenchLessonInTheAcknowledgement()
    {
        await using var fixture = await SlackCommandFixture.StartAsync();

        var ack = await fixture.Handler.HandleAsync(SlackCommandFixture.Command("day 2"));

        Assert.NotNull(ack);
        Assert.Contains("Jour 2", ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(ack["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Command_Empty_AnswersHelpPrivately()
    {
        await using var fixture = await SlackCommandFixture.StartAsync();

        var ack = await fixture.Handler.HandleAsync(SlackCommandFixture.Command("", channel: "C0ELSEWHERE"));

        Assert.Equal("ephemeral", ack!["response_type"]!.GetValue<string>());
        Assert.Contains("Ask me about the #90DaysOfDevOps lessons", AllText(ack["blocks"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_ModeratorCommandByAMember_GetsTheModeratorsOnlyMessage_AndNeverRuns()
    {
        var moderatorCommand = new Probe(forModerators: true);
        await using var fixture = await SlackCommandFixture.StartAsync(moderatorCommand);

        var ack = await fixture.Handler.HandleAsync(SlackCommandFixture.Command("probe", channel: "C0ELSEWHERE"));

        Assert.Equal("ephemeral", ack!["response_type"]!.GetValue<string>());
        Assert.Contains("moderators", ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(moderatorCommand.Seen);
    }

    [Fact]
    public async Task Command_ByAWorkspaceAdmin_RunsTheModeratorCommand_AsTheirQualifiedMemberId()
    {
        var moderatorCommand = new Probe(forModerators: true);
        await using var fixture = await SlackCommandFixture.StartAsync(moderatorCommand);

        await fixture.Handler.HandleAsync(SlackCommandFixture.Command("probe", user: SlackCommandFixture.Admin));

        Assert.True(moderatorCommand.Seen!.IsModerator);
        Assert.Equal($"slack:{FakeSlackApi.TeamId}:{SlackCommandFixture.Admin}", moderatorCommand.Seen.MemberId);
        Assert.Equal(FakeSlackApi.TeamId, moderatorCommand.Seen.Community);
        Assert.Equal("paris", moderatorCommand.Seen.CohortId?.Value);
    }

    [Fact]
    public async Task Command_ByAMemberOfTheCohortsModeratorGroup_RunsTheModeratorCommand()
    {
        var moderatorCommand = new Probe(forModerators: true);
        await using var fixture = await SlackCommandFixture.StartAsync(moderatorCommand);
        fixture.Slack.SetUsergroup("S0MODS", SlackCommandFixture.Member);

        await fixture.Handler.HandleAsync(SlackCommandFixture.Command("probe"));

        Assert.NotNull(moderatorCommand.Seen);
        Assert.Contains("S0MODS", moderatorCommand.Seen.MemberRoles);
    }

    [Fact]
    public async Task Command_MemberOptionTypedAsASlackMention_BecomesTheQualifiedMember()
    {
        var probe = new Probe(forModerators: false);
        await using var fixture = await SlackCommandFixture.StartAsync(probe);

        await fixture.Handler.HandleAsync(SlackCommandFixture.Command("probe <@U0OTHER|bob> <!subteam^S0GROUP|@mods>"));

        Assert.Equal($"slack:{FakeSlackApi.TeamId}:U0OTHER", probe.Seen!.Options["member"]);
        Assert.Equal("S0GROUP", probe.Seen.Options["value"]);
    }

    [Fact]
    public async Task Command_Suggestions_ListsTheChoicesPrivately()
    {
        await using var fixture = await SlackCommandFixture.StartAsync();

        var ack = await fixture.Handler.HandleAsync(SlackCommandFixture.Command("?day", channel: "C0ELSEWHERE"));

        Assert.Equal("ephemeral", ack!["response_type"]!.GetValue<string>());
        Assert.Contains("• `1` ", AllText(ack["blocks"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Slow_IsAcknowledgedEmpty_AndFinishedAsAFollowUp()
    {
        var slow = new Probe(forModerators: false) { Gate = new TaskCompletionSource() };
        await using var fixture = await SlackCommandFixture.StartAsync(slow);
        var handling = fixture.Handler.HandleAsync(SlackCommandFixture.Command("probe"));

        await fixture.Api.AdvanceUntilDoneAsync(handling, TimeSpan.FromMilliseconds(500));

        Assert.Null(await handling);
        Assert.True(fixture.FollowUps.Queue.TryTake(out var followUp));
        slow.Gate.SetResult();
        Assert.Contains("probed", (await followUp.Work).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_IsAcknowledgedEmpty_AndAnsweredPrivatelyThroughResponseUrl()
    {
        await using var fixture = await SlackCommandFixture.StartAsync();
        var url = fixture.Slack.ResponseUrl("button-1").ToString();

        var ack = await fixture.Handler.HandleAsync(SlackCommandFixture.Button("day 3", url));

        Assert.Null(ack);
        Assert.True(fixture.FollowUps.Queue.TryTake(out var followUp));
        Assert.Equal(new Uri(url), followUp.ResponseUrl);
        var message = await followUp.Work;
        Assert.True(message.IsPrivate);
        Assert.Contains("Jour 3", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_OfAnotherKindOfInteraction_IsIgnored()
    {
        await using var fixture = await SlackCommandFixture.StartAsync();
        var inbound = SlackCommandFixture.Button("day 3", "https://hooks.slack.invalid/x");
        inbound.Payload["type"] = "view_submission";

        Assert.Null(await fixture.Handler.HandleAsync(inbound));
        Assert.False(fixture.FollowUps.Queue.TryTake(out _));
    }

    [Theory]
    [InlineData(false, "*@learner* did day 2")]
    [InlineData(true, "<@U0MEMBER> did day 2")]
    public async Task Command_ReplyNamingAMember_MentionsThemOnlyWhereNobodyElseSees(bool isPrivate, string expected)
    {
        var member = $"slack:{FakeSlackApi.TeamId}:{SlackCommandFixture.Member}";
        var probe = new Probe(forModerators: false) { Answer = Reply.Text(ReplyLine.Of(ReplySpan.Member(member), " did day 2"), isPrivate) };
        await using var fixture = await SlackCommandFixture.StartAsync(probe);

        var ack = await fixture.Handler.HandleAsync(SlackCommandFixture.Command("probe"));

        // In a channel a mention notifies the member (Slack has no allowed_mentions), so everyone sees a name instead.
        Assert.Contains(expected, AllText(ack!["blocks"]!), StringComparison.Ordinal);
    }

    /// <summary>Every string in a JSON tree, unescaped, one per line.</summary>
    private static string AllText(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => string.Join('\n', obj.Select(pair => pair.Value is null ? "" : AllText(pair.Value))),
        System.Text.Json.Nodes.JsonArray array => string.Join('\n', array.Select(item => item is null ? "" : AllText(item))),
        _ => node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : "",
    };

    /// <summary>A command that records the request it got and answers "probed", after a gate when one is set.</summary>
    private sealed class Probe(bool forModerators) : ICommandHandler
    {
        public TaskCompletionSource? Gate { get; init; }

        public Reply Answer { get; init; } = Reply.Text("probed");

        public CommandRequest? Seen { get; private set; }

        public CommandDefinition Definition { get; } = new("probe", [new CommandOption("member", OptionKind.Member), new CommandOption("value", OptionKind.Text)], forModerators);

        public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
        {
            Seen = scope.Request;
            if (Gate is not null)
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }

            return Answer;
        }

        public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) => ImmutableArray<AutocompleteChoice>.Empty;
    }
}
