using System.Text;
using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Slack.Tests.Inbound;

public sealed class SlackSignatureTests
{
    // The worked example of Slack's "Verifying requests from Slack" (https://docs.slack.dev/authentication/verifying-requests-from-slack):
    // a slash command signed with the documentation's signing secret. Slack's own vector, not one made with this code,
    // so a base string assembled differently from Slack's cannot pass.
    private const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocsTimestamp = "1531420618";
    private const string DocsSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private const string DocsBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset DocsTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Check_SlackDocsExample_Valid()
    {
        var signature = Docs(DocsTime.AddSeconds(30));

        Assert.Equal(SlackSignatureResult.Valid, signature.Check(DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Fact]
    public void Sign_SlackDocsExample_ReproducesSlacksSignature()
    {
        Assert.Equal(DocsSignature, Docs(DocsTime).Sign(DocsTimestamp, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Fact]
    public void Check_UppercaseHexOfTheRightSignature_Valid()
    {
        // The hex digits are the signature; their case is not.
        var upper = "v0=" + DocsSignature[3..].ToUpperInvariant();

        Assert.Equal(SlackSignatureResult.Valid, Docs(DocsTime).Check(DocsTimestamp, upper, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData("text=", "text=hi")]
    [InlineData("roadrunner", "roadrunneR")]
    [InlineData("&trigger_id", "&trigger_id=1&trigger_id")]
    public void Check_BodyTamperedWith_Mismatch(string original, string tampered)
    {
        var body = DocsBody.Replace(original, tampered, StringComparison.Ordinal);

        Assert.Equal(SlackSignatureResult.Mismatch, Docs(DocsTime).Check(DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Check_BodyWithTrailingNewline_Mismatch()
    {
        Assert.Equal(SlackSignatureResult.Mismatch, Docs(DocsTime).Check(DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody + "\n")));
    }

    [Fact]
    public void Check_TimestampTamperedWith_Mismatch()
    {
        // One second later, still fresh: only the signature can tell.
        Assert.Equal(SlackSignatureResult.Mismatch, Docs(DocsTime).Check("1531420619", DocsSignature, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Fact]
    public void Check_OtherSecret_Mismatch()
    {
        var other = new SlackSignature("another-apps-signing-secret", new FakeTimeProvider(DocsTime));

        Assert.Equal(SlackSignatureResult.Mismatch, other.Check(DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData(300, SlackSignatureResult.Valid)]
    [InlineData(-300, SlackSignatureResult.Valid)]
    [InlineData(301, SlackSignatureResult.Stale)]
    [InlineData(-301, SlackSignatureResult.Stale)]
    [InlineData(86_400, SlackSignatureResult.Stale)]
    public void Check_ClockAwayFromTimestamp_StaleBeyondFiveMinutes(int secondsFromTimestamp, SlackSignatureResult expected)
    {
        var signature = Docs(DocsTime.AddSeconds(secondsFromTimestamp));

        Assert.Equal(expected, signature.Check(DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData(null, DocsSignature)]
    [InlineData("", DocsSignature)]
    [InlineData(DocsTimestamp, null)]
    [InlineData(DocsTimestamp, "")]
    public void Check_HeaderMissing_Missing(string? timestamp, string? signatureHeader)
    {
        Assert.Equal(SlackSignatureResult.Missing, Docs(DocsTime).Check(timestamp, signatureHeader, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0:a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0= 2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Check_SignatureNotShapedAsSlacks_Malformed(string signatureHeader)
    {
        Assert.Equal(SlackSignatureResult.Malformed, Docs(DocsTime).Check(DocsTimestamp, signatureHeader, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData("-1531420618")]
    [InlineData("+1531420618")]
    [InlineData(" 1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("1.5e9")]
    [InlineData("99999999999999999999999")]
    [InlineData("yesterday")]
    public void Check_TimestampNotANumberOfSeconds_Malformed(string timestamp)
    {
        Assert.Equal(SlackSignatureResult.Malformed, Docs(DocsTime).Check(timestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_EmptySecret_RefusesNamingTheSetting(string secret)
    {
        var error = Assert.Throws<ArgumentException>(() => new SlackSignature(secret, TimeProvider.System));

        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    private static SlackSignature Docs(DateTimeOffset now) => new(DocsSecret, new FakeTimeProvider(now));
}
