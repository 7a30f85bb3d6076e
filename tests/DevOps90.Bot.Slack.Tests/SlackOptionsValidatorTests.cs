namespace DevOps90.Bot.Slack.Tests;

public sealed class SlackOptionsValidatorTests
{
    private const string BotToken = "xoxb-1-2-secretbotvalue";
    private const string AppToken = "xapp-1-A1-2-secretappvalue";

    [Fact]
    public void Validate_SocketModeWithBothTokens_Succeeds() =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = BotToken, AppToken = AppToken }).Succeeded);

    [Fact]
    public void Validate_HttpWithSigningSecret_NeedsNoAppToken() =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = BotToken, Transport = SlackTransport.Http, SigningSecret = "s" }).Succeeded);

    [Theory]
    [InlineData(null, AppToken, SlackTransport.SocketMode, null, "Slack:BotToken is missing")]
    [InlineData("xoxp-user-token", AppToken, SlackTransport.SocketMode, null, "Slack:BotToken is not a bot token")]
    [InlineData(BotToken, null, SlackTransport.SocketMode, null, "Slack:AppToken is missing")]
    [InlineData(BotToken, "xoxb-wrong-kind", SlackTransport.SocketMode, null, "Slack:AppToken is not an app-level token")]
    [InlineData(BotToken, null, SlackTransport.Http, null, "Slack:SigningSecret is missing")]
    public void Validate_MissingOrWrongSetting_NamesTheKey_WithoutItsValue(string? botToken, string? appToken, SlackTransport transport, string? secret, string expected)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = botToken, AppToken = appToken, Transport = transport, SigningSecret = secret });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure.Replace("Signing Secret", "", StringComparison.Ordinal).Replace("SigningSecret", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-kind", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("user-token", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsWhetherSecretsAreSet_NeverTheirValues()
    {
        var text = new SlackOptions { BotToken = BotToken, AppToken = AppToken, SigningSecret = "signing-value" }.ToString();

        Assert.DoesNotContain("secretbotvalue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secretappvalue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("signing-value", text, StringComparison.Ordinal);
        Assert.Contains("bot token set", text, StringComparison.Ordinal);
    }
}
