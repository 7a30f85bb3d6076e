using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Slack.Commands;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Slack.Tests.Api;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevOps90.Bot.Slack.Tests.Commands;

/// <summary>
/// The real dispatcher on the sample curriculum (English, and French for three days) behind the Slack command
/// handler, whose lookups (users.info, user groups) go to a fake Slack on loopback.
/// </summary>
internal sealed class SlackCommandFixture : IAsyncDisposable
{
    public const string FrenchChannel = "C0FRENCH";
    public const string Member = "U0MEMBER";
    public const string Admin = "U0ADMIN";

    private SlackCommandFixture(SlackApiHarness api, ICommandHandler[] extraHandlers)
    {
        Api = api;
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        Cohorts = new InMemoryCohortDirectory([new Cohort
        {
            Id = new CohortId("paris"),
            CurriculumId = "2022",
            StartDate = new DateOnly(2025, 1, 1),
            TimeZoneId = "Europe/Paris",
            Language = "fr",
            Target = new ChatTarget("slack", FrenchChannel),
            Moderators = ["role:S0MODS"],
        }]);
        Dispatcher = new CommandDispatcher(
            [new DayCommand(index, new LessonChoices(index)), new HelpCommand(() => []), .. extraHandlers],
            Cohorts,
            new BotDefaults("2022", "en", "Europe/Paris"),
            api.Time);
        var users = new SlackUsers(api.Client, api.Time, NullLogger<SlackUsers>.Instance);
        Handler = new SlackCommandHandler(Dispatcher, new SlackRequests(Dispatcher, Cohorts, users), users, FollowUps, api.Time, NullLogger<SlackCommandHandler>.Instance);
        api.Slack.AddUser(new FakeSlackUser(Member, "learner", Locale: "en-US"));
        api.Slack.AddUser(new FakeSlackUser(Admin, "owner", IsAdmin: true, Locale: "en-US"));
    }

    public SlackApiHarness Api { get; }

    public FakeSlackApi Slack => Api.Slack;

    public InMemoryCohortDirectory Cohorts { get; }

    public CommandDispatcher Dispatcher { get; }

    public SlackFollowUps FollowUps { get; } = new(new InFlightWork());

    public SlackCommandHandler Handler { get; }

    public static async Task<SlackCommandFixture> StartAsync(params ICommandHandler[] extraHandlers) =>
        new(await SlackApiHarness.StartAsync(), extraHandlers);

    /// <summary>A slash command's fields as Slack sends them (https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling).</summary>
    public static SlackInbound Command(string text, string user = Member, string channel = FrenchChannel, string? responseUrl = null) => new(
        SlackInboundKind.SlashCommand,
        new JsonObject
        {
            ["command"] = SlackRoutes.SlashCommand,
            ["text"] = text,
            ["team_id"] = FakeSlackApi.TeamId,
            ["user_id"] = user,
            ["channel_id"] = channel,
            ["response_url"] = responseUrl ?? "https://hooks.slack.invalid/commands/1/2/3",
            ["trigger_id"] = "1.2.3",
        });

    /// <summary>A press of a button whose value is a command line.</summary>
    public static SlackInbound Button(string value, string responseUrl, string user = Member, string channel = FrenchChannel) => new(
        SlackInboundKind.Interaction,
        new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId },
            ["channel"] = new JsonObject { ["id"] = channel },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "cmd-0", ["type"] = "button", ["value"] = value }),
        });

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
