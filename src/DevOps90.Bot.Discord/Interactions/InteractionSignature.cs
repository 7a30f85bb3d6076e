using System.Text;
using NSec.Cryptography;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature of an interaction request: X-Signature-Ed25519 over X-Signature-Timestamp
/// followed by the raw body, with the application's public key. Runs before anything reads the body as JSON and
/// fails closed: anything malformed is "not signed" (Discord sends bad signatures on purpose to test endpoints).
/// </summary>
public sealed class InteractionSignature
{
    private static readonly SignatureAlgorithm _ed25519 = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;

    public InteractionSignature(string publicKeyHex) =>
        _key = PublicKey.Import(_ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);

    public bool IsValid(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 })
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 64)
        {
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampBytes + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampBytes));

        // NSec's verification takes the same time whatever the signature holds.
        return _ed25519.Verify(_key, message, signature);
    }

    /// <summary>The signature check on a whole message, as RFC 8032's test vectors give it.</summary>
    internal bool IsValidMessage(ReadOnlySpan<byte> message, string signatureHex)
    {
        var signature = Convert.FromHexString(signatureHex);
        return signature.Length == 64 && _ed25519.Verify(_key, message, signature);
    }
}
