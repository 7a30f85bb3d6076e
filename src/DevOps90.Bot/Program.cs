using System.CommandLine;
using DevOps90.Bot;
using DevOps90.Bot.Cli;

var root = new RootCommand("DevOps90.Bot: a study-group bot for #90DaysOfDevOps. Without a verb, runs the bot.")
{
    TreatUnmatchedTokensAsErrors = false,
};
root.Subcommands.Add(ContentCommandLine.Create(Console.Out));
root.SetAction((_, cancellationToken) => BotHost.RunAsync(args, cancellationToken));
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
