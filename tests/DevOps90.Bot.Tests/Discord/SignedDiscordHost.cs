using System.Globalization;
using System.Text;
using DevOps90.Bot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NSec.Cryptography;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// The real host with the HTTP transport, through WebApplicationFactory: a test key pair signs the requests as Discord
/// would, no console, a throwaway database. <paramref name="settings"/> add to or replace the Discord defaults.
/// </summary>
public class SignedDiscordHost(string apiBaseUrl, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempFolder _data = new();

    public static long Now => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    public Key Key { get; } = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public static string Sign(Key key, string timestamp, string body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));

    /// <summary>Posts a signed interaction with a client of its own.</summary>
    public Task<HttpResponseMessage> PostAsync(string body) => PostAsync(CreateClient(), body);

    protected Task<HttpResponseMessage> PostAsync(HttpClient client, string body)
    {
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Sign(Key, timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = _data.Path,
            ["Discord:Token"] = "test-bot-token",
            ["Discord:ApplicationId"] = "1200000000000000002",
            ["Discord:PublicKey"] = Convert.ToHexString(Key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:Transport"] = "Http",
            ["Discord:RegisterCommands"] = "false",
            ["Discord:ApiBaseUrl"] = apiBaseUrl,
            ["Cohorts:0:Target"] = "discord:1200000000000000100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Key.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
