namespace DevOps90.Bot.Discord;

public enum DiscordTransport
{
    /// <summary>Interactions arrive over the Gateway websocket: no public address needed.</summary>
    Gateway,

    /// <summary>Interactions arrive at POST /discord/interactions (the application's Interactions Endpoint URL).</summary>
    Http,

    Both,
}

/// <summary>
/// The "Discord" section. Secrets (the token) come from the environment (Discord__Token) or a secrets file, never
/// from committed settings; <see cref="ToString"/> never shows them.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public string? Token { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key (hex), to verify interactions received over HTTP.</summary>
    public string? PublicKey { get; set; }

    public DiscordTransport Transport { get; set; } = DiscordTransport.Gateway;

    /// <summary>Registers the commands at start (only when they changed).</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Registers the commands in one guild instead of globally (for development: they appear at once).</summary>
    public string? GuildId { get; set; }

    /// <summary>The REST base; tests and Discord-compatible servers point it elsewhere (the gateway URL then comes from that server).</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>
    /// The largest file the bot uploads, in bytes. Discord's default is 10 MiB per file; a server with boosts allows
    /// more, and may set this higher. A larger CSV goes gzip-compressed, anything else is left out with a note.
    /// </summary>
    public long MaxUploadBytes { get; set; } = Rendering.DiscordLimits.DefaultMaxUploadBytes;

    /// <summary>
    /// Pins this process to one shard (a deployment that starts one process per shard). Unset, the instances share
    /// every shard out among themselves through the lease store.
    /// </summary>
    public int? ShardId { get; set; }

    /// <summary>
    /// How many shards the bot runs: a number, or "auto" for the count Discord recommends (GET /gateway/bot, read at
    /// start). Every instance must use the same count.
    /// </summary>
    public string ShardCount { get; set; } = "1";

    /// <summary>The shard count when it is a number; null for "auto" (or an invalid value, which the validator reports).</summary>
    public int? FixedShardCount =>
        int.TryParse(ShardCount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;

    public bool AutoShardCount => string.Equals(ShardCount, "auto", StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        $"Discord application {ApplicationId}, transport {Transport}, API {ApiBaseUrl}, shards {ShardCount}{(ShardId is { } id ? $" (this process: shard {id})" : "")}, token {(string.IsNullOrEmpty(Token) ? "missing" : "set")}";
}
