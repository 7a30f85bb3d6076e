using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>/status shows the caller's own groups: never another server's.</summary>
public sealed class StatusCommandTests
{
    private static readonly ChatTarget _parisChannel = new("discord", "111");

    private readonly CommandDispatcher _dispatcher;
    private readonly InMemoryDeliveryLedger _ledger = new();

    public StatusCommandTests()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var cohorts = new InMemoryCohortDirectory([
            Cohort("local", ChatTarget.Console),
            Cohort("paris", _parisChannel),
            Cohort("lyon", new ChatTarget("discord", "222")),
            Cohort("nantes", new ChatTarget("discord", "333")),
        ]);
        var warning = new Core.Curricula.ContentDiagnostic(Core.Curricula.DiagnosticSeverity.Warning, new("2022/en/day01.md", 3), "no summary");
        var index = new Core.Curricula.CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)], [warning])
        {
            Version = "abc1234",
        };
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var delivery = new DailyPostService(cohorts, index, _ledger, [new RecordingPublisher()], new DailyPostComposer(index, defaults), new DeliveryOptions(), time);
        // Servers: 111 and 333 in server A, 222 in server B.
        var servers = new FixedCommunities(new Dictionary<string, string> { ["111"] = "A", ["222"] = "B", ["333"] = "A" });
        // Discord: 6 shards, 0-2 and 4 here, 3 on another instance, 5 on none (its holder just died); Slack's socket here.
        var discord = new FixedConnections("discord", [
            Shard(0, "web-1/7/a1b2c3", true), Shard(1, "web-1/7/a1b2c3", true), Shard(2, "web-1/7/a1b2c3", true),
            Shard(3, "web-2/9/d4e5f6", false), Shard(4, "web-1/7/a1b2c3", true), Shard(5, null, false),
        ]);
        var slack = new FixedConnections("slack", [new HeldConnection(ConnectionKind.SocketMode, 0, 1, "web-1/7/a1b2c3", true)]);
        _dispatcher = new CommandDispatcher([new StatusCommand(cohorts, _ledger, delivery, time, [servers], [discord, slack])], cohorts, defaults, time, index);
    }

    [Fact]
    public async Task Status_OnTheConsoleOutsideACohort_ShowsOnlyTheConsolesGroups()
    {
        var reply = await Ask(ChatTarget.Console, cohort: null);

        Assert.Equal(["local · console:console · Europe/Paris", "Connections"], reply.Fields.Select(field => field.Name));
    }

    [Fact]
    public async Task Status_OnDiscordWithShardsOnSeveralInstances_ShowsWhichInstanceHoldsWhichShard()
    {
        var reply = await Ask(_parisChannel, new CohortId("paris"));

        var connections = reply.Fields[^1];
        Assert.Equal("Connections", connections.Name);
        Assert.Equal(
            "• Gateway shards 0-2, 4 of 6: web-1/7/a1b2c3 (this instance)\n"
            + "• Gateway shard 3 of 6: web-2/9/d4e5f6\n"
            + "• Gateway shard 5 of 6: no instance yet (one takes it over within 30 seconds)",
            connections.Value.ToString());
    }

    [Fact]
    public async Task Status_OnSlackInFrench_ShowsOnlySlacksSocketModeConnection()
    {
        var reply = await Ask(new ChatTarget("slack", "C0001"), new CohortId("paris"), "fr");

        var connections = reply.Fields[^1];
        Assert.Equal("Connexions", connections.Name);
        Assert.Equal("• Socket Mode : web-1/7/a1b2c3 (cette instance)", connections.Value.ToString());
    }

    [Fact]
    public async Task Status_OnDiscordOutsideACohortChannel_ShowsTheGroupsOfThatServerOnly()
    {
        var reply = await Ask(new ChatTarget("discord", "999"), cohort: null, community: "A");

        Assert.Equal(["nantes", "paris", "Connections"], reply.Fields.Select(field => field.Name.Split(' ')[0]));
    }

    [Fact]
    public async Task Status_WithContent_ShowsItsVersionAndWarningCount()
    {
        var english = await Ask(ChatTarget.Console, cohort: null);
        var french = await Ask(ChatTarget.Console, cohort: null, "fr");

        Assert.Equal("Content: version abc1234 · 1 warnings", english.Footer);
        Assert.Equal("Contenu : version abc1234 · 1 avertissements", french.Footer);
    }

    [Fact]
    public async Task Status_OnDiscordInAServerWithoutGroups_SaysThereAreNone()
    {
        var reply = await Ask(new ChatTarget("discord", "999"), cohort: null, community: "C");

        Assert.Empty(reply.Fields);
        Assert.Equal("No study group is configured.", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("en", "Outside a server I cannot tell which study groups are yours: type /status in your server, or in the group's channel.")]
    [InlineData("fr", "Hors d'un serveur, je ne sais pas quels groupes d'étude sont les vôtres : tapez /status dans votre serveur, ou dans le salon du groupe.")]
    public async Task Status_OnDiscordOutsideAnyServer_ListsNoGroups(string language, string message)
    {
        var reply = await Ask(new ChatTarget("discord", "999"), cohort: null, language);

        Assert.Empty(reply.Fields);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Status_InACohortsChannel_ShowsThatGroupWithItsPostsInWords()
    {
        var key = new DeliveryKey(new CohortId("paris"), "day-3");
        var at = DateTimeOffset.Parse("2026-12-31T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await _ledger.TryClaimAsync(key, at, "bot", at, TimeSpan.FromMinutes(1));
        await _ledger.TryClaimAsync(new DeliveryKey(new CohortId("paris"), "closing"), at, "bot", at, TimeSpan.FromMinutes(1));

        var reply = await Ask(_parisChannel, new CohortId("paris"), "fr");

        Assert.Equal(2, reply.Fields.Length);
        var field = reply.Fields[0];
        Assert.StartsWith("paris · ", field.Name, StringComparison.Ordinal);
        Assert.Contains("• Jour 3 · jeu. 31 déc. 2026 18:00 · ", field.Value.ToString(), StringComparison.Ordinal);
        Assert.Contains("• Message de clôture · ", field.Value.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("day-3", field.Value.ToString(), StringComparison.Ordinal);
    }

    private async Task<Reply> Ask(ChatTarget channel, CohortId? cohort, string language = "en", string? community = null) =>
        await _dispatcher.DispatchAsync(new CommandRequest { Command = "status", Channel = channel, CohortId = cohort, Community = community, IsModerator = true, UserLocale = language });

    private static HeldConnection Shard(int number, string? holder, bool here) => new(ConnectionKind.GatewayShard, number, 6, holder, here);

    private sealed class FixedConnections(string platform, IReadOnlyList<HeldConnection> held) : IConnectionReport
    {
        public string Platform => platform;

        public Task<IReadOnlyList<HeldConnection>> HoldersAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => Task.FromResult(held);
    }

    private sealed class FixedCommunities(Dictionary<string, string> servers) : ICommunityDirectory
    {
        public string Platform => "discord";

        public Task<string?> CommunityOfAsync(string channel, CancellationToken cancellationToken = default) =>
            Task.FromResult(servers.GetValueOrDefault(channel));
    }

    private static Cohort Cohort(string id, ChatTarget target) => new()
    {
        Id = new CohortId(id),
        CurriculumId = "2022",
        StartDate = new DateOnly(2027, 1, 1),
        TimeZoneId = "Europe/Paris",
        Target = target,
    };
}
