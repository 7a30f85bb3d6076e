using System.Threading.Channels;
using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Commands;

/// <summary>
/// Registers the commands again after the content changed without a restart: the day options' upper bound is the
/// curriculum's last day, so a reload that adds day 91 must reach Discord. <see cref="CommandRegistrar"/> overwrites
/// only what differs, so a reload that changed no command costs one GET.
/// </summary>
internal sealed class CommandRefresh(ContentLibrary content, CommandRegistrar registrar, IOptions<DiscordOptions> options) : BackgroundService
{
    // One pending refresh is enough: it registers whatever the newest index says.
    private readonly Channel<bool> _swaps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    // Subscribed here rather than in ExecuteAsync, which runs later on a thread of its own: a swap in between would be lost.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RegisterCommands)
        {
            content.Swapped += OnSwapped;
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RegisterCommands)
        {
            return;
        }

        try
        {
            await foreach (var _ in _swaps.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await registrar.RegisterOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            content.Swapped -= OnSwapped;
        }
    }

    private void OnSwapped(object? sender, CurriculumIndex index) => _swaps.Writer.TryWrite(true);
}
