using System.Collections.Concurrent;
using System.Text.Json;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord;

/// <summary>
/// The server (guild) of a Discord channel, asked once per channel (GET /channels/{id}) and remembered: a channel
/// never moves to another server. A channel Discord will not show (deleted, or the bot lost access) has none.
/// </summary>
internal sealed class DiscordCommunities(IDiscordRestClient rest) : ICommunityDirectory
{
    private readonly ConcurrentDictionary<string, string> _guildOfChannel = new(StringComparer.Ordinal);

    public string Platform => Interactions.InteractionProcessor.Platform;

    public async Task<string?> CommunityOfAsync(string channel, CancellationToken cancellationToken = default)
    {
        if (_guildOfChannel.TryGetValue(channel, out var known))
        {
            return known;
        }

        if (!Snowflake.TryParse(channel, out var id))
        {
            return null;
        }

        try
        {
            var answer = await rest.GetChannelAsync(id, cancellationToken).ConfigureAwait(false);
            if (answer.TryGetProperty("guild_id", out var guild) && guild.ValueKind == JsonValueKind.String && guild.GetString() is { } guildId)
            {
                return _guildOfChannel.GetOrAdd(channel, guildId);
            }
        }
        catch (DiscordApiException)
        {
            // Not cached: access may come back, and the next /status asks again.
        }

        return null;
    }
}
