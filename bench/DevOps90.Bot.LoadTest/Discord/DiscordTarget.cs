using System.Globalization;

namespace DevOps90.Bot.LoadTest.Discord;

/// <summary>Signed /day interactions, days round 1-90, members round the bench's (ids 9000 and up).</summary>
internal sealed class DiscordTarget(DiscordInteractions interactions, int users) : ILoadTarget
{
    public string? NotedLabel => null;

    public static string UserId(long index) => (9000 + index).ToString(CultureInfo.InvariantCulture);

    public SignedRequest Next(int worker, long n) => interactions.Day((int)(n % 90) + 1, UserId((worker + n) % users));

    // An immediate answer with the lesson: type 4 (CHANNEL_MESSAGE_WITH_SOURCE) and an embed.
    public bool IsAnswer(ReadOnlySpan<byte> reply) => reply.StartsWith("{\"type\":4,"u8) && reply.IndexOf("\"embeds\""u8) >= 0;

    public bool IsNoted(ReadOnlySpan<byte> reply) => false;
}
