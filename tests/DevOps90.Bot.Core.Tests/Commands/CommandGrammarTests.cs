using DevOps90.Bot.Core.Commands;

namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class CommandGrammarTests
{
    private static readonly CommandDefinition[] _commands =
    [
        new("day", [new CommandOption("number", OptionKind.Number, Required: true, Autocomplete: true)]),
        new("resources", [new CommandOption("day", OptionKind.Number, Autocomplete: true), new CommandOption("topic", OptionKind.Text, Autocomplete: true)]),
        new("search", [new CommandOption("query", OptionKind.Text, Required: true)]),
        new("today", []),
        new("cohort", [new CommandOption("action", OptionKind.Text, Required: true), new CommandOption("value", OptionKind.Text)], ForModerators: true),
        new("participation", [], ForModerators: true)
        {
            Subcommands =
            [
                new SubcommandDefinition("summary", [new CommandOption("inactive", OptionKind.Number)]),
                new SubcommandDefinition("export", [new CommandOption("from", OptionKind.Text), new CommandOption("to", OptionKind.Text)]),
            ],
        },
    ];

    [Theory]
    [InlineData("/day 2", "day", "number=2")]
    [InlineData("day number:2", "day", "number=2")]
    [InlineData("  /DAY   2  ", "day", "number=2")]
    [InlineData("/search docker compose", "search", "query=docker compose")]
    [InlineData("/resources topic:Learn Infrastructure as Code", "resources", "topic=Learn Infrastructure as Code")]
    [InlineData("/resources day:4 topic:Containers", "resources", "day=4;topic=Containers")]
    [InlineData("/resources 4", "resources", "day=4")]
    [InlineData("/today", "today", "")]
    [InlineData("/search note: colons stay", "search", "query=note: colons stay")]
    [InlineData("/cohort time 07:30", "cohort", "action=time;value=07:30")]
    [InlineData("/cohort leaderboard on", "cohort", "action=leaderboard;value=on")]
    [InlineData("/cohort time value:07:30", "cohort", "action=time;value=07:30")]
    [InlineData("/cohort create study group", "cohort", "action=create;value=study group")]
    [InlineData("/resources kubernetes", "resources", "topic=kubernetes")]
    [InlineData("/resources 4 containers", "resources", "day=4;topic=containers")]
    public void Parse_TypedLine_GivesCommandAndOptions(string line, string command, string options)
    {
        var parsed = CommandGrammar.Parse(line, Find)!;

        Assert.Equal(command, parsed.Command);
        Assert.Equal(options, string.Join(';', parsed.Options.OrderBy(option => option.Key).Select(option => $"{option.Key}={option.Value}")));
        Assert.False(parsed.WantsSuggestions);
    }

    [Theory]
    [InlineData("/participation export from:2027-01-01 to:2027-01-31", "export", "from=2027-01-01;to=2027-01-31")]
    [InlineData("/participation export 2027-01-01", "export", "from=2027-01-01")]
    [InlineData("/participation export 2027-01-01 2027-01-31", "export", "from=2027-01-01;to=2027-01-31")]
    [InlineData("/participation summary inactive:5", "summary", "inactive=5")]
    [InlineData("/participation Export", "export", "")]
    [InlineData("/participation", null, "")]
    // Not a subcommand: nothing to put it in, so it is dropped, and the handler's default answers.
    [InlineData("/participation chart-please", null, "")]
    public void Parse_Subcommand_IsTheFirstWord_AndItsOptionsFollow(string line, string? subcommand, string options)
    {
        var parsed = CommandGrammar.Parse(line, Find)!;

        Assert.Equal(subcommand, parsed.Subcommand);
        Assert.Equal(options, string.Join(';', parsed.Options.OrderBy(option => option.Key).Select(option => $"{option.Key}={option.Value}")));
    }

    [Theory]
    [InlineData("?day kube", "number", "kube")]
    [InlineData("?resources topic:cont", "topic", "cont")]
    [InlineData("?day", "number", null)]
    public void Parse_QuestionMark_AsksForSuggestionsOfAnOption(string line, string option, string? typed)
    {
        var parsed = CommandGrammar.Parse(line, Find)!;

        Assert.True(parsed.WantsSuggestions);
        Assert.Equal(option, parsed.SuggestOption);
        Assert.Equal(typed, parsed.Options.GetValueOrDefault(option));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    public void Parse_NothingTyped_IsNull(string line)
    {
        Assert.Null(CommandGrammar.Parse(line, Find));
    }

    private static CommandDefinition? Find(string name) => _commands.FirstOrDefault(command => command.Name == name);
}
