using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Tests.Interactions;

/// <summary>Subcommands as Discord sends them: one option of type 1 holding the options actually typed.</summary>
public sealed class SubcommandInteractionTests
{
    private const string Export = """
        [{"name":"export","type":1,"options":[{"name":"from","type":3,"value":"2027-01-01"},{"name":"to","type":3,"value":"2027-01-31"}]}]
        """;

    [Fact]
    public void Parse_SubcommandWithNestedOptions_NamesItAndFlattensItsOptions()
    {
        var interaction = InteractionFixture.Parse(InteractionFixture.Command("report", Export));

        Assert.Equal(("report", "export"), (interaction.CommandName, interaction.Subcommand));
        Assert.Equal(2, interaction.Options.Count);
        Assert.Equal(("2027-01-01", "2027-01-31"), (interaction.Options["from"], interaction.Options["to"]));
    }

    [Fact]
    public void Parse_SubcommandWithoutOptions_HasNoOptions()
    {
        var interaction = InteractionFixture.Parse(InteractionFixture.Command("report", """[{"name":"chart","type":1}]"""));

        Assert.Equal("chart", interaction.Subcommand);
        Assert.Empty(interaction.Options);
    }

    [Fact]
    public void Parse_NestedFocusedOption_IsTheAutocompleteFocus()
    {
        var interaction = InteractionFixture.Parse(Autocomplete("""
            [{"name":"export","type":1,"options":[{"name":"from","type":3,"value":"2027-01-01"},{"name":"to","type":3,"value":"2027-0","focused":true}]}]
            """));

        Assert.Equal(("export", "to", "2027-0"), (interaction.Subcommand, interaction.FocusedOption, interaction.Options["to"]));
    }

    [Fact]
    public void Parse_CommandWithoutSubcommand_HasNone()
    {
        Assert.Null(InteractionFixture.Parse(InteractionFixture.Command("day", """[{"name":"number","type":4,"value":2}]""")).Subcommand);
    }

    [Fact]
    public async Task Respond_Subcommand_ReachesTheHandlerAsTheRequestsSubcommand()
    {
        var report = new Report();
        var bot = new InteractionFixture(report);

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(InteractionFixture.Command("report", Export, locale: "en-US")));

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response!.Type);
        Assert.Equal("export from 2027-01-01 to 2027-01-31", response.Data!.Embeds![0].Description);
    }

    [Fact]
    public async Task Respond_NestedAutocomplete_CompletesTheSubcommandsOption()
    {
        var bot = new InteractionFixture(new Report());

        var response = await bot.Processor.RespondAsync(InteractionFixture.Parse(Autocomplete("""
            [{"name":"export","type":1,"options":[{"name":"to","type":3,"value":"2027-0","focused":true}]}]
            """)));

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response!.Type);
        Assert.Equal([new AutocompleteChoicePayload("export/to: 2027-0…", "2027-0")], response.Data!.Choices);
    }

    private static string Autocomplete(string options) =>
        InteractionFixture.Command("report", options).Replace("\"type\": 2", "\"type\": 4", StringComparison.Ordinal);

    private sealed class Report : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("report", [])
        {
            Subcommands =
            [
                new SubcommandDefinition("export", [new CommandOption("from", OptionKind.Text), new CommandOption("to", OptionKind.Text, Autocomplete: true)]),
                new SubcommandDefinition("chart", []),
            ],
        };

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Reply.Text($"{scope.Request.Subcommand} from {scope.Request.Option("from")} to {scope.Request.Option("to")}"));

        public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
            [new AutocompleteChoice($"{scope.Request.Subcommand}/{optionName}: {typed}…", typed)];
    }
}
