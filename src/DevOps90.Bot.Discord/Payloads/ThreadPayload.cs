namespace DevOps90.Bot.Discord.Payloads;

/// <summary>
/// POST /channels/{channel.id}/messages/{message.id}/threads: a thread started from a message
/// (https://discord.com/developers/docs/resources/channel#start-thread-from-message). The name is 1 to 100
/// characters; the thread archives itself after <see cref="AutoArchiveDuration"/> minutes without activity.
/// </summary>
public sealed record ThreadPayload(string Name, int? AutoArchiveDuration = null)
{
    public const int MaxName = 100;

    /// <summary>A day: the next lesson's post comes before its thread would archive on a quiet day.</summary>
    public const int OneDay = 1440;
}
