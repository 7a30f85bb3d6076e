using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord;

/// <summary>Stops the start with messages naming each missing or malformed Discord setting.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("Discord:Token is required (set it in the environment as Discord__Token, never in a committed file)");
        }

        if (!Snowflake.TryParse(options.ApplicationId, out _))
        {
            errors.Add("Discord:ApplicationId is required: the application's id from the Developer Portal");
        }

        if (options.Transport != DiscordTransport.Gateway && !IsHexKey(options.PublicKey))
        {
            errors.Add("Discord:PublicKey is required for the HTTP transport: the application's public key, 64 hexadecimal characters");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !Snowflake.TryParse(options.GuildId, out _))
        {
            errors.Add($"Discord:GuildId '{options.GuildId}' is not a Discord id");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Discord:ApiBaseUrl '{options.ApiBaseUrl}' is not an http(s) address");
        }

        if (options.MaxUploadBytes <= 0)
        {
            errors.Add($"Discord:MaxUploadBytes {options.MaxUploadBytes} must be a positive number of bytes (Discord's default limit is {Rendering.DiscordLimits.DefaultMaxUploadBytes})");
        }

        if (!options.AutoShardCount && options.FixedShardCount is not >= 1)
        {
            errors.Add($"Discord:ShardCount '{options.ShardCount}' must be a number of shards (1 or more) or auto (the count Discord recommends)");
        }
        else if (options.ShardId is { } shard && (shard < 0 || shard >= (options.FixedShardCount ?? int.MaxValue)))
        {
            var range = options.FixedShardCount is { } count ? $"from 0 to Discord:ShardCount - 1 ({count - 1})" : "0 or more (and below the count Discord recommends)";
            errors.Add($"Discord:ShardId {shard} must be {range}, or unset to share every shard among the instances");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHexKey(string? key) => key is { Length: 64 } && key.All(char.IsAsciiHexDigit);
}
