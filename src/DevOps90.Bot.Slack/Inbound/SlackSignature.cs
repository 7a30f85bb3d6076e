using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DevOps90.Bot.Slack.Inbound;

/// <summary>What <see cref="SlackSignature.Check"/> found; anything but <see cref="Valid"/> is refused.</summary>
public enum SlackSignatureResult
{
    Valid,

    /// <summary>X-Slack-Signature or X-Slack-Request-Timestamp is absent or empty.</summary>
    Missing,

    /// <summary>A header is present but not shaped as Slack sends it (not "v0=" and 64 hex digits, not a number).</summary>
    Malformed,

    /// <summary>The signature does not match the body and timestamp: forged, tampered with, or another app's secret.</summary>
    Mismatch,

    /// <summary>Correctly signed, but the timestamp is more than <see cref="SlackSignature.MaxClockSkew"/> from now: a replay, or a wrong clock.</summary>
    Stale,
}

/// <summary>
/// Checks Slack's request signature (https://docs.slack.dev/authentication/verifying-requests-from-slack):
/// X-Slack-Signature is "v0=" and the hex HMAC-SHA256, keyed with the app's signing secret, of
/// "v0:{X-Slack-Request-Timestamp}:{raw body}". Runs on the raw bytes before anything parses them, fails closed, and
/// compares in constant time. The secret is held as key bytes only and never shown.
/// </summary>
public sealed class SlackSignature
{
    /// <summary>Slack's advice: refuse requests more than five minutes from now, so a captured one cannot be replayed later.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HashBytes = 32;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackSignature(string signingSecret, TimeProvider time)
    {
        // The message names the setting, never the value.
        if (string.IsNullOrWhiteSpace(signingSecret))
        {
            throw new ArgumentException("The Slack signing secret (Slack:SigningSecret) is empty.", nameof(signingSecret));
        }

        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SlackSignatureResult Check(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureResult.Missing;
        }

        // Digits only: no sign, spaces or exponent, and nothing that overflows a long.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || signature.Length != Version.Length + 1 + (HashBytes * 2)
            || !signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return SlackSignatureResult.Malformed;
        }

        Span<byte> received = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signature.AsSpan(Version.Length + 1), received, out _, out var written)
            != System.Buffers.OperationStatus.Done || written != HashBytes)
        {
            return SlackSignatureResult.Malformed;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        Compute(timestamp, body, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            return SlackSignatureResult.Mismatch;
        }

        // Checked after the signature, so that "stale" is only ever said of a request Slack really signed: the log
        // line then points at a replay or a wrong clock, not at a forger.
        var skew = Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - seconds);
        return skew <= (long)MaxClockSkew.TotalSeconds ? SlackSignatureResult.Valid : SlackSignatureResult.Stale;
    }

    /// <summary>The X-Slack-Signature value Slack would send: for tests and local tools that sign requests.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        Compute(timestamp, body, hash);
        return Version + "=" + Convert.ToHexStringLower(hash);
    }

    private void Compute(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        // Incremental, so the body is not copied into one more buffer with its prefix.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
