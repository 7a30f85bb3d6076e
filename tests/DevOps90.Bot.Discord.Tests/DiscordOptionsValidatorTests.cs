namespace DevOps90.Bot.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    private static DiscordOptions Valid() => new() { Token = "token", ApplicationId = "1200000000000000002" };

    [Fact]
    public void Validate_Defaults_AreValidWithDiscordsTenMebibyteUploadLimit()
    {
        var options = Valid();

        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(10 * 1024 * 1024, options.MaxUploadBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_UploadLimitNotPositive_FailsNamingTheKey(long bytes)
    {
        var options = Valid();
        options.MaxUploadBytes = bytes;

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Discord:MaxUploadBytes", result.FailureMessage, StringComparison.Ordinal);
    }
}
