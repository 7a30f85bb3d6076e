using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Tests.Interactions;

public sealed class InteractionProcessorTests
{
    [Fact]
    public void Parse_GuildCommand_ReadsEverythingTheBotUses()
    {
        var interaction = InteractionFixture.Parse(InteractionFixture.Command("day", """[{"name":"number","type":4,"value":2}]""", permissions: "32"));

        Assert.Equal((new Snowflake(1100000000000000001), 2, "day"), (interaction.Id, interaction.Type, interaction.CommandName));
        Assert.Equal("2", interaction.Options["number"]);
        Assert.Equal(("555", "1400000000000000004", "fr", "en-US"), (interaction.ChannelId, interaction.UserId, interaction.Locale, interaction.GuildLocale));
        Assert.True(interaction.IsModerator);
    }

    [Theory]
    [InlineData("1400000000000000009")]
    [InlineData("<@!1400000000000000009>")]
    public async Task Respond_MemberOption_NamesTheDiscordUserAsAMemberOfOurs(string typed)
    {
        var seen = new Recorder();
        var bot = new InteractionFixture(seen);
        var json = InteractionFixture.Command("record", $$"""[{"name":"who","type":6,"value":"{{typed}}"}]""");

        await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        Assert.Equal("discord:1400000000000000009", seen.Request!.Options["who"]);
    }

    [Fact]
    public void Render_MemberOfOurs_IsAMentionOfTheDiscordUser()
    {
        var payload = Discord.Rendering.DiscordRenderer.Render(Reply.Text(ReplyLine.Of("Well done ", ReplySpan.Member("discord:1400000000000000009"))));

        Assert.Equal("Well done <@1400000000000000009>", payload.Embeds![0].Description);
    }

    [Fact]
    public async Task Respond_MemberWithRoles_PassesThemToTheCommand()
    {
        var seen = new Recorder();
        var bot = new InteractionFixture(seen);
        var json = InteractionFixture.Command("record").Replace("\"permissions\"", "\"roles\": [\"42\", \"43\"], \"permissions\"", StringComparison.Ordinal);

        await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        Assert.Equal(["42", "43"], seen.Request!.MemberRoles.ToArray());
    }

    [Theory]
    [InlineData(11, "guild-group")]
    [InlineData(12, "guild-group")]
    [InlineData(0, null)]
    public async Task Respond_FromAThreadOfTheCohortsChannel_AnswersForTheCohort_AsTypedInTheChannel(int channelType, string? cohort)
    {
        var seen = new Recorder();
        var bot = new InteractionFixture(seen);
        // Discord sends the thread's id as channel_id, and the thread itself (its type, its parent) as channel.
        var json = InteractionFixture.Command("record", channel: "1600000000000000006")
            .Replace("\"guild_id\"", "\"channel\": {\"id\": \"1600000000000000006\", \"type\": " + channelType + ", \"parent_id\": \"555\"}, \"guild_id\"", StringComparison.Ordinal);

        await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        Assert.Equal(cohort, seen.Request!.CohortId?.Value);
        Assert.Equal(cohort is null ? "1600000000000000006" : "555", seen.Request.Channel!.Channel);
    }

    [Fact]
    public void Parse_MissingToken_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => InteractionFixture.Parse("""{"id":"1","application_id":"2","type":2}"""));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"interaction\"")]
    [InlineData("""{"id":"1","application_id":"2","type":"2","token":"t","user":{"id":"9"}}""")]
    [InlineData("""{"id":"1","application_id":"2","type":2,"token":"t","data":{"name":"day"}}""")]
    [InlineData("""{"id":"1","application_id":"2","type":2,"token":"t","member":{"permissions":"8"},"data":{"name":"day"}}""")]
    [InlineData("""{"id":"1","application_id":"2","type":3,"token":"t","user":{"id":""},"data":{"custom_id":"cmd:day 2"}}""")]
    public void Parse_NotAnInteractionTheBotCanActOn_IsAFormatError(string json)
    {
        Assert.Throws<FormatException>(() => InteractionFixture.Parse(json));
    }

    [Fact]
    public async Task Respond_CommandWithoutUser_IsRefused()
    {
        var bot = new InteractionFixture();
        var interaction = InteractionFixture.Parse(InteractionFixture.Command("day", """[{"name":"number","type":4,"value":2}]""")) with { UserId = null };

        Assert.Null(await bot.Processor.RespondAsync(interaction));
    }

    [Fact]
    public async Task Respond_Ping_Pongs()
    {
        var bot = new InteractionFixture();

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse("""{"id":"1","application_id":"2","type":1,"token":"t"}"""));

        Assert.Equal(new InteractionResponsePayload(InteractionCallbackType.Pong), response);
    }

    [Fact]
    public async Task Respond_DayCommand_AnswersInTheMembersLocale()
    {
        var bot = new InteractionFixture();

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("day", """[{"name":"number","type":4,"value":2}]""")));

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response!.Type);
        Assert.Equal("Jour 2 — Responsabilités d'un Ingénieur DevOps", response.Data!.Embeds![0].Title);
        Assert.Null(response.Data.Flags);
    }

    [Fact]
    public async Task Respond_TodayInACohortChannel_UsesThatCohort()
    {
        var bot = new InteractionFixture();

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("today", locale: "en-GB")));

        Assert.Equal("Day 3 — DevOps Lifecycle", response!.Data!.Embeds![0].Title);
    }

    [Fact]
    public async Task Respond_Error_IsEphemeral()
    {
        var bot = new InteractionFixture();

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("day", """[{"name":"number","type":4,"value":95}]""", locale: "en-US")));

        Assert.Equal(64, response!.Data!.Flags);
        Assert.Equal("There is no day 95. Choose a day from 1 to 6.", response.Data.Embeds![0].Description);
    }

    [Fact]
    public async Task Respond_Autocomplete_OffersAtMostTwentyFiveChoices()
    {
        var bot = new InteractionFixture();
        var json = InteractionFixture.Command("day", """[{"name":"number","type":4,"value":"ingé","focused":true}]""").Replace("\"type\": 2", "\"type\": 4", StringComparison.Ordinal);

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response!.Type);
        Assert.Equal([new AutocompleteChoicePayload("2 — Responsabilités d'un Ingénieur DevOps", "2")], response.Data!.Choices);
    }

    [Fact]
    public async Task Respond_NavigationButton_RunsItsCommandForThePresserOnly()
    {
        var bot = new InteractionFixture();
        var json = """
            {"id":"1","application_id":"2","type":3,"token":"t","channel_id":"777","locale":"en-US",
             "member":{"permissions":"0","user":{"id":"9"}},"data":{"custom_id":"cmd:day 3","component_type":2}}
            """;

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        Assert.Equal("Day 3 — DevOps Lifecycle", response!.Data!.Embeds![0].Title);
        Assert.Equal(64, response.Data.Flags);
    }

    [Fact]
    public async Task Respond_ModeratorCommandFromAMember_IsRefused()
    {
        var bot = new InteractionFixture(new ModeratorOnly());

        var member = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("secret", permissions: "0", locale: "en-US")));
        var moderator = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("secret", permissions: "32", locale: "en-US")));

        Assert.Equal("/secret is for the study group's moderators.", member!.Data!.Embeds![0].Description);
        Assert.Equal("moderator stuff", moderator!.Data!.Embeds![0].Description);
    }

    [Fact]
    public async Task Respond_SlowCommand_IsDeferredAndFinishedLater()
    {
        var slow = new Slow();
        var bot = new InteractionFixture(slow);

        var responding = bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("slow", locale: "en-US")));
        bot.Time.Advance(TimeSpan.FromMilliseconds(200));
        var response = await responding.WaitAsync(TimeSpan.FromSeconds(10));
        slow.Release.SetResult();
        Assert.True(bot.Deferred.Queue.TryTake(out var deferred));
        var message = await deferred.Work;

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response!.Type);
        Assert.Equal("interaction-token-secret", deferred.InteractionToken);
        Assert.Equal("finally", message.Embeds![0].Description);
    }

    [Fact]
    public async Task Respond_GuildCommand_TellsTheCommandWhichServerItCameFrom()
    {
        var seen = new Recorder();
        var bot = new InteractionFixture(seen);

        await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("record")));

        Assert.Equal(("1300000000000000003", "discord:1400000000000000004"), (seen.Request!.Community, seen.Request.MemberId));
    }

    [Fact]
    public async Task Respond_AutocompleteWithManyLongChoices_SendsDiscordsTwentyFiveOfAtMostAHundredCharacters()
    {
        var bot = new InteractionFixture(new ManyChoices());
        var json = InteractionFixture.Command("many", """[{"name":"pick","type":3,"value":"","focused":true}]""").Replace("\"type\": 2", "\"type\": 4", StringComparison.Ordinal);

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        var choices = response!.Data!.Choices!;
        Assert.Equal(25, choices.Count);
        Assert.Equal("choice 0 ", choices[0].Name[..9]);
        Assert.All(choices, choice => Assert.True(choice.Name.Length <= 100 && choice.Value.Length <= 100, choice.Name));
    }

    [Fact]
    public async Task Respond_ButtonWithANamedOption_ReadsItWithTheCommandGrammar()
    {
        var seen = new Recorder();
        var bot = new InteractionFixture(seen);
        const string json = """
            {"id":"1100000000000000001","application_id":"1200000000000000002","type":3,"token":"t","channel_id":"555",
             "guild_id":"1300000000000000003","member":{"user":{"id":"1400000000000000004"},"permissions":"0"},
             "data":{"custom_id":"cmd:record 7 note:well done","component_type":2}}
            """;

        await bot.Processor.RespondAsync(InteractionFixture.Parse(json));

        Assert.Equal(("7", "well done"), (seen.Request!.Options["day"], seen.Request.Options["note"]));
    }

    /// <summary>Core returns every match; the cap is Discord's.</summary>
    private sealed class ManyChoices : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("many", [new CommandOption("pick", OptionKind.Text, Autocomplete: true)]);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) => ValueTask.FromResult(Reply.Text("ok"));

        public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
            [.. Enumerable.Range(0, 40).Select(i => new AutocompleteChoice($"choice {i} " + new string('x', 150), $"value-{i}-" + new string('y', 150)))];
    }

    private sealed class Recorder : ICommandHandler
    {
        public CommandRequest? Request { get; private set; }

        public CommandDefinition Definition { get; } = new("record", [new CommandOption("day", OptionKind.Number), new CommandOption("note", OptionKind.Text), new CommandOption("who", OptionKind.Member)]);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
        {
            Request = scope.Request;
            return ValueTask.FromResult(Reply.Text("seen"));
        }
    }

    private sealed class ModeratorOnly : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("secret", [], ForModerators: true);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Reply.Text("moderator stuff"));
    }

    private sealed class Slow : ICommandHandler
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CommandDefinition Definition { get; } = new("slow", []);

        public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
        {
            await Release.Task;
            return Reply.Text("finally");
        }
    }
}
