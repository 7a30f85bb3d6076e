using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>The real host with the HTTP transport, through WebApplicationFactory, with requests signed by a test key.</summary>
[Collection(WebApplicationFactoryTests.Name)]
public sealed class InteractionsEndpointTests : IClassFixture<InteractionsEndpointTests.SignedHost>
{
    private readonly SignedHost _host;

    public InteractionsEndpointTests(SignedHost host) => _host = host;

    [Fact]
    public async Task Post_SignedPing_AnswersPong()
    {
        var response = await _host.PostAsync("""{"id":"1","application_id":"1200000000000000002","type":1,"token":"t"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_SignedDayCommand_AnswersWithTheLessonInTheMembersLocale()
    {
        var response = await _host.PostAsync("""
            {"id":"1100000000000000001","application_id":"1200000000000000002","type":2,"token":"secret-token","channel_id":"5","locale":"fr",
             "member":{"permissions":"0","user":{"id":"9"}},"data":{"name":"day","type":1,"options":[{"name":"number","type":4,"value":2}]}}
            """);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(4, body.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("Jour 2 — Responsabilités d'un Ingénieur DevOps", body.RootElement.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("tampered-body")]
    [InlineData("tampered-timestamp")]
    [InlineData("wrong-key")]
    [InlineData("no-signature")]
    [InlineData("no-timestamp")]
    [InlineData("stale-timestamp")]
    public async Task Post_BadSignature_IsUnauthorized(string flaw)
    {
        const string Body = """{"id":"1","application_id":"1200000000000000002","type":1,"token":"t"}""";
        var timestamp = SignedHost.Now.ToString(CultureInfo.InvariantCulture);
        var signature = SignedHost.Sign(flaw == "wrong-key" ? SignedHost.OtherKey : _host.Key, timestamp, Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(flaw == "tampered-body" ? Body.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal) : Body, Encoding.UTF8, "application/json"),
        };
        if (flaw != "no-signature")
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        if (flaw != "no-timestamp")
        {
            request.Headers.Add("X-Signature-Timestamp", flaw switch
            {
                "tampered-timestamp" => (SignedHost.Now + 1).ToString(CultureInfo.InvariantCulture),
                "stale-timestamp" => (SignedHost.Now - 3600).ToString(CultureInfo.InvariantCulture),
                _ => timestamp,
            });
        }

        if (flaw == "stale-timestamp")
        {
            request.Headers.Remove("X-Signature-Ed25519");
            request.Headers.Add("X-Signature-Ed25519", SignedHost.Sign(_host.Key, (SignedHost.Now - 3600).ToString(CultureInfo.InvariantCulture), Body));
        }

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_IsTooLarge()
    {
        var body = "{\"padding\":\"" + new string('x', 70 * 1024) + "\"}";

        var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":1}""")]
    public async Task Post_SignedButMalformed_IsBadRequest(string body)
    {
        var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>One host for the class; its REST base is a closed port, so nothing it might send leaves the machine.</summary>
    public sealed class SignedHost : SignedDiscordHost
    {
        public SignedHost()
            : base("http://127.0.0.1:9/api/v10", new Dictionary<string, string> { ["Discord:Token"] = "test-token-never-sent" }) => Client = CreateClient();

        public static Key OtherKey { get; } = Key.Create(SignatureAlgorithm.Ed25519);

        public HttpClient Client { get; }

        public new Task<HttpResponseMessage> PostAsync(string body) => PostAsync(Client, body);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Client.Dispose();
            }
        }
    }
}
