using System.Collections.Concurrent;
using DevOps90.Bot.Testing.Discord;
using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>The gateway side of the fake: the shared <see cref="FakeGateway"/>.</summary>
internal sealed partial class FakeDiscordServer
{
    private readonly FakeGateway _gateway = new();

    /// <summary>The "shards" GET /gateway/bot answers.</summary>
    public int RecommendedShards
    {
        get => _gateway.RecommendedShards;
        set => _gateway.RecommendedShards = value;
    }

    /// <summary>The [shard_id, num_shards] of every IDENTIFY, in order.</summary>
    public ConcurrentQueue<(int Id, int Count)> Identified => _gateway.Identified;

    private string GatewayBot(HttpContext context) => _gateway.GatewayBot(context);

    private Task RunGatewayAsync(HttpContext context) => _gateway.RunAsync(context);
}
