using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// Discord's global limit is per bot: a process that is not a running bot (a command-line verb such as
/// <c>commands register</c>) but sends with the bot's token while instances run must take a share of it too, or the
/// instances' shares plus its requests pass the limit. This runs the process's <see cref="DiscordRestBudget"/> for the
/// length of the work: it joins as one more instance (waiting, as any newcomer does, until the others have counted
/// it), sends within its share, and gives the share back at the end. With no shared store (SQLite, one process) there
/// is no one to share with, and the work runs at once; so it does when the store cannot be reached or has no leases
/// yet (no instance has ever run on it), rather than wait for a count that will not come.
/// </summary>
public static class DiscordRateShare
{
    public static async Task<T> WithinAsync<T>(IServiceProvider services, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (services.GetService<DiscordRestBudget>()?.Budget is not { } budget || !await budget.TryJoinAsync(cancellationToken).ConfigureAwait(false))
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rounds = budget.RunAsync(stop.Token);
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await rounds.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
