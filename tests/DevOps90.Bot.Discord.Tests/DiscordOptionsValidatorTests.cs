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

    [Theory]
    [InlineData("1", null)]
    [InlineData("8", null)]
    [InlineData("8", 7)]
    [InlineData("auto", null)]
    [InlineData("Auto", 3)]
    public void Validate_ShardCountANumberOrAuto_WithOrWithoutAPinnedShard_IsValid(string count, int? shard)
    {
        var options = Valid();
        options.ShardCount = count;
        options.ShardId = shard;

        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("0", null, "Discord:ShardCount '0' must be a number of shards (1 or more) or auto")]
    [InlineData("many", null, "Discord:ShardCount 'many' must be a number of shards (1 or more) or auto")]
    [InlineData("8", 8, "Discord:ShardId 8 must be from 0 to Discord:ShardCount - 1 (7)")]
    [InlineData("auto", -1, "Discord:ShardId -1 must be 0 or more")]
    public void Validate_ShardSettingsWrong_FailsNamingTheKey(string count, int? shard, string message)
    {
        var options = Valid();
        options.ShardCount = count;
        options.ShardId = shard;

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }
}
