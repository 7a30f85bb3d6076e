using System.Text;
using DevOps90.Bot.Discord.Interactions;
using NSec.Cryptography;

namespace DevOps90.Bot.Discord.Tests.Interactions;

public sealed class InteractionSignatureTests
{
    // RFC 8032, section 7.1, tests 1-3 (public key, message, signature).
    [Theory]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82", "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void IsValid_Rfc8032Vectors_AreAcceptedAndAnyFlippedBitRefused(string publicKey, string message, string signature)
    {
        var verifier = new InteractionSignature(publicKey);
        var bytes = Convert.FromHexString(message);

        // The timestamp is the first part of the signed message; the vectors' messages split as timestamp "" + body.
        Assert.True(verifier.IsValidMessage(bytes, signature));
        var tampered = bytes.Length == 0 ? [0x00] : bytes.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray();
        Assert.False(verifier.IsValidMessage(tampered, signature));
        Assert.False(verifier.IsValidMessage(bytes, signature[..^2] + (signature[^2..] == "00" ? "01" : "00")));
    }

    [Fact]
    public void IsValid_TimestampAndBodySignedTogether_IsAccepted()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var verifier = new InteractionSignature(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        var body = "{\"type\":1}"u8.ToArray();
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes("1700000000"), .. body]));

        Assert.True(verifier.IsValid("1700000000", body, signature));
        Assert.False(verifier.IsValid("1700000001", body, signature));
        Assert.False(verifier.IsValid("1700000000", "{\"type\":2}"u8, signature));
    }

    [Theory]
    [InlineData(null, "00")]
    [InlineData("", "00")]
    [InlineData("1700000000", null)]
    [InlineData("1700000000", "not hex at all, but 128 characters long.................................................................")]
    [InlineData("1700000000", "abcd")]
    public void IsValid_MissingOrMalformedHeaders_FailClosed(string? timestamp, string? signature)
    {
        var verifier = new InteractionSignature("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        Assert.False(verifier.IsValid(timestamp, "{}"u8, signature));
    }
}
