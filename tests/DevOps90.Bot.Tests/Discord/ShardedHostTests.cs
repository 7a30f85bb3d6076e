using System.Text.Json;
using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>The real host on the gateway with Discord:ShardCount auto, against the fake Discord on loopback.</summary>
[Collection(WebApplicationFactoryTests.Name)]
public sealed class ShardedHostTests
{
    [Fact]
    public async Task Status_OnAutoShardedGateway_ShowsThisInstanceHoldingEveryShardDiscordRecommended()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = AutoShardedHost(discord, shards: 2);

        // The first client starts the host, and the gateway with it.
        using var client = host.CreateClient();
        for (var attempt = 0; attempt < 200 && discord.Identified.Count < 2; attempt++)
        {
            await Task.Delay(50);
        }

        var status = await StatusFieldsAsync(host, discord);
        var instance = host.Services.GetRequiredService<InstanceIdentity>().Id;

        Assert.Equal([(0, 2), (1, 2)], discord.Identified.Order());
        // The default group speaks French, whatever the member's locale.
        Assert.Equal(("Connexions", $"• Gateway, shards 0-1 sur 2 : {instance} (cette instance)"), status[^1]);
    }

    [Fact]
    public async Task Ready_AfterEachShardsReady_NamesEveryShardConnected()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = AutoShardedHost(discord, shards: 2);
        using var client = host.CreateClient();

        string description = "";
        for (var attempt = 0; attempt < 200 && !description.Contains("discord shard 1: connected", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(50);
            // 503 while a shard is still connecting: the body names it all the same.
            using var response = await client.GetAsync("/healthz/ready");
            using var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            description = ready.RootElement.GetProperty("checks").GetProperty("platforms").GetProperty("description").GetString() ?? "";
        }

        Assert.Equal("discord shard 0: connected; discord shard 1: connected", description);
    }

    /// <summary>A host on the gateway and HTTP, with the shard count Discord recommends (<paramref name="shards"/>).</summary>
    private static SignedDiscordHost AutoShardedHost(FakeDiscordServer discord, int shards)
    {
        discord.RecommendedShards = shards;
        return new SignedDiscordHost(discord.ApiBaseUrl, new Dictionary<string, string>
        {
            ["Discord:Transport"] = "Both",
            ["Discord:ShardCount"] = "auto",
        });
    }

    /// <summary>/status in the group's channel from a server manager: its embed's fields, answered at once or deferred.</summary>
    private static async Task<List<(string Name, string Value)>> StatusFieldsAsync(SignedDiscordHost host, FakeDiscordServer discord)
    {
        const string Body = """
            {"id":"1100000000000000001","application_id":"1200000000000000002","type":2,"token":"status-token","channel_id":"1200000000000000100",
             "guild_id":"1300000000000000003","locale":"en-US","member":{"permissions":"32","user":{"id":"9"}},"data":{"name":"status","type":1}}
            """;
        using var response = JsonDocument.Parse(await (await host.PostAsync(Body)).Content.ReadAsStringAsync());
        var message = response.RootElement.GetProperty("type").GetInt32() == 4
            ? response.RootElement.GetProperty("data").Clone()
            : await DeferredReplyAsync(discord);
        return [.. message.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray()
            .Select(field => (field.GetProperty("name").GetString()!, field.GetProperty("value").GetString()!))];
    }

    private static async Task<JsonElement> DeferredReplyAsync(FakeDiscordServer discord)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (discord.Requests.FirstOrDefault(request => request.Method == "PATCH" && request.Path.EndsWith("/status-token/messages/@original", StringComparison.Ordinal)) is { } patch)
            {
                using var body = JsonDocument.Parse(patch.Body);
                return body.RootElement.Clone();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the deferred /status reply never came");
    }
}
