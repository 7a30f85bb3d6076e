using System.CommandLine;
using DevOps90.Bot;
using DevOps90.Bot.Cli;

var root = new RootCommand("DevOps90.Bot: a study-group bot for #90DaysOfDevOps. Without a verb, runs the bot.")
{
    TreatUnmatchedTokensAsErrors = false,
};
root.Subcommands.Add(ContentCommandLine.Create(Console.Out));
root.Subcommands.Add(PreviewCommand.Create(Console.Out));
root.Subcommands.Add(CommandsCommandLine.Create(Console.Out));
root.Subcommands.Add(ParticipationCommandLine.Create(Console.Out));
root.Subcommands.Add(CohortsCommandLine.Create(Console.Out));
root.Subcommands.Add(BackupCommand.Create(Console.Out));
root.Subcommands.Add(HealthCommand.Create(Console.Out));
root.SetAction((parse, cancellationToken) =>
{
    // Settings may follow (--Key=value, Key=value); a bare word is a mistyped verb, not a reason to start the bot.
    var stray = parse.UnmatchedTokens.FirstOrDefault(token => !token.StartsWith('-') && !token.Contains('=', StringComparison.Ordinal));
    if (stray is not null)
    {
        Console.Error.WriteLine($"Unknown command '{stray}'. Run with --help to see the commands.");
        return Task.FromResult(2);
    }

    return BotHost.RunAsync(args, cancellationToken);
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
