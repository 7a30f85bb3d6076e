using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace DevOps90.Bot.LoadTest;

/// <summary>
/// A fresh Ed25519 key pair and one signed /day interaction per day number, signed as Discord signs them:
/// X-Signature-Ed25519 = hex(Ed25519(timestamp + raw body)), timestamp in unix seconds, taken now (the host refuses
/// anything more than 5 minutes away, so the files are good for a few minutes only).
/// </summary>
internal static class SignedRequests
{
    public const string ApplicationId = "1200000000000000002";

    private static readonly SignatureAlgorithm _ed25519 = SignatureAlgorithm.Ed25519;

    public static int Write(string outputFolder, int days, TextWriter output)
    {
        Directory.CreateDirectory(outputFolder);
        using var key = Key.Create(_ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var requests = new List<(string Body, string Signature)>(days);
        for (var day = 1; day <= days; day++)
        {
            var body = DayInteraction(day);
            requests.Add((body, Sign(key, timestamp, body)));
        }

        File.WriteAllText(Path.Combine(outputFolder, "public-key.hex"), Hex(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)) + "\n");
        File.WriteAllText(Path.Combine(outputFolder, "private-key.hex"), Hex(key.Export(KeyBlobFormat.RawPrivateKey)) + "\n");
        File.WriteAllText(Path.Combine(outputFolder, "day.lua"), WrkScript.Build(timestamp, requests));

        // One request on its own, for the curl check that a signed request answers 200 with type 4.
        var check = requests[Math.Min(2, days) - 1];
        File.WriteAllText(Path.Combine(outputFolder, "day-2.body"), check.Body);
        File.WriteAllText(Path.Combine(outputFolder, "day-2.timestamp"), timestamp);
        File.WriteAllText(Path.Combine(outputFolder, "day-2.signature"), check.Signature);

        output.WriteLine($"{days} signed /day requests (timestamp {timestamp}) in {Path.GetFullPath(outputFolder)}");
        return 0;
    }

    /// <summary>A /day command from a member in a server channel, as Discord sends it (tests/.../InteractionsEndpointTests).</summary>
    public static string DayInteraction(int day) =>
        "{\"id\":\"11000000000000" + (10000 + day).ToString(CultureInfo.InvariantCulture) + "\"," +
        "\"application_id\":\"" + ApplicationId + "\",\"type\":2,\"token\":\"bench-interaction-token\"," +
        "\"channel_id\":\"5\",\"guild_id\":\"4\",\"locale\":\"en-US\",\"guild_locale\":\"en-US\"," +
        "\"member\":{\"permissions\":\"0\",\"user\":{\"id\":\"9\",\"username\":\"bench\"}}," +
        "\"data\":{\"id\":\"3\",\"name\":\"day\",\"type\":1,\"options\":[{\"name\":\"number\",\"type\":4,\"value\":" +
        day.ToString(CultureInfo.InvariantCulture) + "}]}}";

    private static string Sign(Key key, string timestamp, string body) =>
        Hex(_ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
