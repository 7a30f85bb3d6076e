using System.Net;
using System.Text;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// Requests that are signed (so they pass the first check) but are not interactions the bot can act on: each gets a
/// 4xx, never a 500, and never reaches a command.
/// </summary>
public sealed class InteractionsEndpointMalformedTests(InteractionsEndpointTests.SignedHost host) : IClassFixture<InteractionsEndpointTests.SignedHost>
{
    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"id":"1","application_id":"1200000000000000002","type":1,"token":"t"}]""")]
    [InlineData("\"an interaction\"")]
    [InlineData("""{"id":"1","application_id":"1200000000000000002","type":"1","token":"t"}""")]
    [InlineData("""{"id":"1","application_id":"1200000000000000002","type":1.5,"token":"t"}""")]
    [InlineData("""{"id":1,"application_id":"1200000000000000002","type":1,"token":"t"}""")]
    [InlineData("""{"id":"1","application_id":"1200000000000000002","type":2,"token":"t","data":[1],"member":"x"}""")]
    public async Task Post_SignedButNotAnInteraction_IsBadRequest(string body)
    {
        var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"id":"1100000000000000001","application_id":"1200000000000000002","type":2,"token":"t","channel_id":"5","data":{"name":"today","type":1}}""")]
    [InlineData("""{"id":"1100000000000000001","application_id":"1200000000000000002","type":2,"token":"t","channel_id":"5","member":{"permissions":"0"},"data":{"name":"today","type":1}}""")]
    [InlineData("""{"id":"1100000000000000001","application_id":"1200000000000000002","type":2,"token":"t","channel_id":"5","user":{"username":"nobody"},"data":{"name":"today","type":1}}""")]
    [InlineData("""{"id":"1100000000000000001","application_id":"1200000000000000002","type":3,"token":"t","channel_id":"5","data":{"custom_id":"cmd:day 2"}}""")]
    public async Task Post_SignedCommandWithoutAUser_IsBadRequest(string body)
    {
        var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>
    /// A timestamp no clock could show is one more stale timestamp: 401, as for any request that fails the
    /// authenticity checks (the signature covers the timestamp, and freshness is what keeps a signature from being
    /// replayed later).
    /// </summary>
    [Theory]
    [InlineData("99999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("99999999999999999999999999")]
    [InlineData("-1")]
    [InlineData("1.7e9")]
    [InlineData(" 1700000000")]
    [InlineData("0")]
    public async Task Post_SignedWithAnImpossibleTimestamp_IsUnauthorized(string timestamp)
    {
        const string Body = """{"id":"1","application_id":"1200000000000000002","type":1,"token":"t"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", InteractionsEndpointTests.SignedHost.Sign(host.Key, timestamp, Body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedNow_StillAnswered()
    {
        // The same request with a sane timestamp, so the cases above fail for their timestamp alone.
        var response = await host.PostAsync("""{"id":"1","application_id":"1200000000000000002","type":1,"token":"t"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
