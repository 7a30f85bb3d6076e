using System.Collections.Immutable;
using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;

namespace DevOps90.Bot.LocalConsole;

/// <summary>
/// The local console: a person types the commands a Discord member would and reads the replies, as a member of the
/// cohort whose target is console:console. With input from a pipe there is no prompt, and the bot keeps running when
/// the input ends (scheduled posts and logs go on); at a terminal, end of input or /quit stops it.
/// </summary>
internal sealed partial class ConsoleChannel(
    ConsoleIO io,
    CommandDispatcher dispatcher,
    ICohortDirectory cohorts,
    ConsoleFiles files,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleChannel> logger) : BackgroundService
{
    private const string MemberId = "console";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and log that it did) before the first prompt.
        await HostStart.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        var cohort = cohorts.FindByTarget(ChatTarget.Console);
        var scope = dispatcher.ScopeFor(Request(cohort, "help", []));
        if (io.IsInteractive)
        {
            await WriteAsync(scope.Text["Console.Welcome"] + Environment.NewLine).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (io.IsInteractive)
            {
                await WriteAsync("> ").ConfigureAwait(false);
            }

            // Console input cannot be cancelled; the read runs apart so that stopping never waits for a key press.
            var line = await Task.Run(io.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken).ConfigureAwait(false);
            if (line is null)
            {
                LogInputEnded(logger, io.IsInteractive);
                if (io.IsInteractive)
                {
                    lifetime.StopApplication();
                }

                return;
            }

            if (line.Trim().TrimStart('/') is "quit" or "exit")
            {
                lifetime.StopApplication();
                return;
            }

            await AnswerAsync(cohort, line, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(Cohort? cohort, string line, CancellationToken cancellationToken)
    {
        var parsed = CommandGrammar.Parse(line, dispatcher.Find);
        if (parsed is null)
        {
            return;
        }

        var request = Request(cohort, parsed.Command, parsed.Options) with { Subcommand = parsed.Subcommand };
        if (parsed.WantsSuggestions)
        {
            var typed = parsed.SuggestOption is { } option ? parsed.Options.GetValueOrDefault(option, "") : "";
            var choices = parsed.SuggestOption is null ? [] : dispatcher.Complete(request, parsed.SuggestOption, typed);
            await WriteAsync(ConsoleRenderer.Render(choices, dispatcher.ScopeFor(request).Text)).ConfigureAwait(false);
            return;
        }

        var reply = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        var text = dispatcher.ScopeFor(request).Text;
        var saved = await files.SaveAsync(reply, cancellationToken).ConfigureAwait(false);
        var savedLines = saved.Select((path, index) => text.Format("Console.Saved", path, ConsoleFiles.Size(reply.Attachments[index].Content.Length, text.Culture)) + Environment.NewLine);
        await WriteAsync(ConsoleRenderer.Render(reply, text.Culture) + string.Concat(savedLines) + Environment.NewLine).ConfigureAwait(false);
    }

    private static CommandRequest Request(Cohort? cohort, string command, IEnumerable<KeyValuePair<string, string>> options) => new()
    {
        Command = command,
        Options = options.ToImmutableDictionary(),
        CohortId = cohort?.Id,
        Channel = ChatTarget.Console,
        MemberId = MemberId,
        // Whoever runs the bot at its own console runs the group.
        IsModerator = true,
        UserLocale = CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : null,
    };

    private Task WriteAsync(string text) => io.WriteAsync(text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Console input ended (interactive: {Interactive})")]
    private static partial void LogInputEnded(ILogger logger, bool interactive);
}
