namespace DevOps90.Bot.Discord.Gateway;

/// <summary>One shard of the bot's gateway traffic: [Id, Count] in IDENTIFY (https://discord.com/developers/docs/events/gateway#sharding).</summary>
internal readonly record struct GatewayShard(int Id, int Count)
{
    /// <summary>Which identify bucket the shard is in: rate_limit_key = shard_id % max_concurrency.</summary>
    public int RateLimitKey(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);

    public override string ToString() => $"{Id}/{Count}";
}
