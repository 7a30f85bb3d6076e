using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace DevOps90.Bot.LoadTest.Discord;

/// <summary>
/// /day interactions signed as Discord signs them: X-Signature-Ed25519 = hex(Ed25519(timestamp + raw body)), the
/// timestamp in unix seconds, taken at the moment. Every interaction has its own id, because the host runs an id
/// once and refuses a replay with 409; the signature is therefore made per request.
/// </summary>
internal sealed class DiscordInteractions : IDisposable
{
    public const string ApplicationId = "1200000000000000002";

    private static readonly SignatureAlgorithm _ed25519 = SignatureAlgorithm.Ed25519;
    private static readonly MediaTypeHeaderValue _json = new("application/json");
    private static readonly DateTimeOffset _discordEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1_420_070_400_000);

    private readonly Key _key;
    private readonly TimeProvider _time;

    // Snowflakes from this run's start on, one apart: unique across runs against one host (it remembers ids 15 minutes).
    private readonly ulong _firstId;
    private long _sequence;

    public DiscordInteractions(string privateKeyHex, TimeProvider time)
    {
        _key = Key.Import(_ed25519, Convert.FromHexString(privateKeyHex.Trim()), KeyBlobFormat.RawPrivateKey);
        _time = time;
        _firstId = (ulong)(time.GetUtcNow() - _discordEpoch).TotalMilliseconds << 22;
    }

    /// <summary>A new key pair: public-key.hex for the host's Discord:PublicKey, private-key.hex for the generator.</summary>
    public static int WriteKeys(string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        using var key = Key.Create(_ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        File.WriteAllText(Path.Combine(folder, "public-key.hex"), Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)) + "\n");
        File.WriteAllText(Path.Combine(folder, "private-key.hex"), Convert.ToHexStringLower(key.Export(KeyBlobFormat.RawPrivateKey)) + "\n");
        output.WriteLine($"a new Ed25519 key pair in {Path.GetFullPath(folder)}");
        return 0;
    }

    /// <summary>/day number:<paramref name="day"/> from member <paramref name="userId"/> in a server channel; <paramref name="signWith"/> forges it.</summary>
    public SignedRequest Day(int day, string userId, Key? signWith = null)
    {
        var id = _firstId + (ulong)Interlocked.Increment(ref _sequence);
        var body = Encoding.ASCII.GetBytes(Interaction(id, day, userId));
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = new byte[timestamp.Length + body.Length];
        Encoding.ASCII.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestamp.Length));
        var signature = Convert.ToHexStringLower(_ed25519.Sign(signWith ?? _key, message));
        return new SignedRequest(body, _json, "Discord-Interactions/1.0 (+https://discord.com)",
        [
            new("X-Signature-Ed25519", signature),
            new("X-Signature-Timestamp", timestamp),
        ]);
    }

    public void Dispose() => _key.Dispose();

    // The fields Discord sends for a slash command in a server (tests/.../InteractionsEndpointTests has the same shape).
    private static string Interaction(ulong id, int day, string userId) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"id":"{{{id}}}","application_id":"{{{ApplicationId}}}","type":2,"token":"bench-interaction-token-{{{id}}}","channel_id":"5","guild_id":"4","locale":"en-US","guild_locale":"en-US","member":{"permissions":"0","user":{"id":"{{{userId}}}","username":"bench{{{userId}}}"}},"data":{"id":"3","name":"day","type":1,"options":[{"name":"number","type":4,"value":{{{day}}}}]}}""");
}
