using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.LocalConsole;

/// <summary>Every command the README's Quick start shows works as typed, through the real parser and dispatcher.</summary>
public sealed partial class ReadmeCommandsTests
{
    [Fact]
    public async Task QuickStart_EveryCommandShown_IsUnderstood()
    {
        var lines = QuickStartCommands();
        using var files = new TempFolder();
        // 20:00 in Paris on 10 January 2027: the console group is on day 10, day 11's post is out.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-10T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = new TestHost([$"--Console:FilesDirectory={files.Path}"], services =>
        {
            services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false));
            services.AddSingleton<TimeProvider>(clock);
        });
        await host.App.StartAsync();
        var dispatcher = host.Services.GetRequiredService<CommandDispatcher>();
        var cohort = host.Services.GetRequiredService<ICohortDirectory>().FindByTarget(ChatTarget.Console);

        var failures = new List<string>();
        foreach (var line in lines)
        {
            var parsed = CommandGrammar.Parse(line, dispatcher.Find);
            if (parsed is null || dispatcher.Find(parsed.Command) is null)
            {
                failures.Add($"{line}: not a command");
                continue;
            }

            var request = new CommandRequest
            {
                Command = parsed.Command,
                Subcommand = parsed.Subcommand,
                Options = parsed.Options,
                CohortId = cohort?.Id,
                Channel = ChatTarget.Console,
                MemberId = "console",
                IsModerator = true,
            };
            if (parsed.WantsSuggestions)
            {
                var typed = parsed.SuggestOption is { } option ? parsed.Options.GetValueOrDefault(option, "") : "";
                if (parsed.SuggestOption is null || dispatcher.Complete(request, parsed.SuggestOption, typed).Count == 0)
                {
                    failures.Add($"{line}: no suggestions");
                }

                continue;
            }

            var reply = await dispatcher.DispatchAsync(request);
            if (reply.IsError)
            {
                failures.Add($"{line}: {string.Join(' ', reply.Paragraphs)}");
            }
        }

        await host.App.StopAsync();
        Assert.Empty(failures);
        Assert.Contains("/cohort time 07:30", lines);
    }

    /// <summary>
    /// The "> " lines of the Quick start's command block: commands start with / or ?, several on a line separated by
    /// three spaces or more, then a description. An optional part shown in brackets ("[day]") is left out. /quit is the
    /// console's own word, not a command.
    /// </summary>
    private static ImmutableArray<string> QuickStartCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var quickStart = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        quickStart = quickStart[..quickStart.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var commands = quickStart.Split('\n')
            .Where(line => line.StartsWith("> /", StringComparison.Ordinal) || line.StartsWith("> ?", StringComparison.Ordinal))
            .SelectMany(line => Separator().Split(line[2..].TrimEnd()))
            .Where(part => part.StartsWith('/') || part.StartsWith('?'))
            .Select(part => Optional().Replace(part, "").Trim())
            .Where(command => command != "/quit")
            .ToImmutableArray();
        Assert.True(commands.Length > 20, $"only {commands.Length} commands found in the README's Quick start");
        return commands;
    }

    [GeneratedRegex(@"\s{3,}")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s*\[[^\]]*\]")]
    private static partial Regex Optional();
}
