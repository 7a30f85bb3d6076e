using System.Text;
using NSec.Cryptography;

namespace DevOps90.Bot.LoadTest.Discord;

/// <summary>
/// Before a load: a signed /day answers 200 with the lesson (type 4); the same request again answers 409 (a replay:
/// why every request of the load has its own id); unsigned and forged ones answer 401. Returns 1 on the first surprise.
/// </summary>
internal static class DiscordCheck
{
    public static async Task<int> RunAsync(Uri url, string privateKeyHex, TextWriter output)
    {
        using var interactions = new DiscordInteractions(privateKeyHex, TimeProvider.System);
        using var sender = new LoadSender(url, connections: 1);

        var day = interactions.Day(2, DiscordTarget.UserId(0));
        var (status, reply) = await sender.SendAsync(day).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(reply);
        if (status != 200 || !new DiscordTarget(interactions, 1).IsAnswer(reply))
        {
            return Fail(output, $"signed /day number:2: expected 200 with type 4 and an embed, got {status}: {text[..Math.Min(300, text.Length)]}");
        }

        var title = text.IndexOf("\"title\":\"", StringComparison.Ordinal) is >= 0 and var at ? text[at..Math.Min(text.Length, at + 70)] : "";
        output.WriteLine($"signed /day number:2 -> 200 type 4, {reply.Length} bytes: {title}…");
        return await ExpectAsync(sender, day, signed: true, 409, "the same signed request again", output).ConfigureAwait(false)
            ?? await ExpectAsync(sender, interactions.Day(2, DiscordTarget.UserId(0)), signed: false, 401, "unsigned", output).ConfigureAwait(false)
            ?? await ForgedAsync(sender, interactions, output).ConfigureAwait(false)
            ?? 0;
    }

    private static async Task<int?> ForgedAsync(LoadSender sender, DiscordInteractions interactions, TextWriter output)
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        return await ExpectAsync(sender, interactions.Day(2, DiscordTarget.UserId(0), signWith: other), signed: true, 401, "signed with another key", output).ConfigureAwait(false);
    }

    private static async Task<int?> ExpectAsync(LoadSender sender, SignedRequest request, bool signed, int expected, string what, TextWriter output)
    {
        var (status, _) = await sender.SendAsync(request, signed).ConfigureAwait(false);
        if (status != expected)
        {
            return Fail(output, $"{what}: expected {expected}, got {status}");
        }

        output.WriteLine($"{what} -> {status}");
        return null;
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine("FAILED: " + message);
        return 1;
    }
}
