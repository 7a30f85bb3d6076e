using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Testing.Discord;

/// <summary>
/// Discord's gateway as far as a session's start needs it, for the fake Discord servers of the tests and the bench:
/// GET /gateway/bot recommends <see cref="RecommendedShards"/>, and each websocket gets HELLO, answers heartbeats and
/// greets an IDENTIFY with READY, recording the shard it named and when.
/// </summary>
public sealed class FakeGateway
{
    /// <summary>The "shards" GET /gateway/bot answers.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>The [shard_id, num_shards] of every IDENTIFY, in order.</summary>
    public ConcurrentQueue<(int Id, int Count)> Identified { get; } = new();

    /// <summary>When each IDENTIFY came, in order (the same order as <see cref="Identified"/>).</summary>
    public ConcurrentQueue<DateTimeOffset> IdentifiedAt { get; } = new();

    // max_concurrency 16: every shard of these tests may identify at once.
    public string GatewayBot(HttpContext context) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"url":"ws://{{{context.Request.Host}}}/gateway","shards":{{{RecommendedShards}}},
         "session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":16}}
        """);

    /// <summary>Serves one websocket (the caller checked it is one) until the bot closes it or goes away.</summary>
    public async Task RunAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await SendAsync(socket, """{"op":10,"d":{"heartbeat_interval":45000}}""").ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                await AnswerAsync(socket, buffer.WrittenMemory, context.Request.Host.ToString()).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The bot went away without a close frame (it was killed, say): the session is over all the same.
        }
    }

    private async Task AnswerAsync(WebSocket socket, ReadOnlyMemory<byte> received, string host)
    {
        using var payload = JsonDocument.Parse(received);
        switch (payload.RootElement.GetProperty("op").GetInt32())
        {
            case 1:
                await SendAsync(socket, """{"op":11}""").ConfigureAwait(false);
                break;
            case 2:
                var shard = payload.RootElement.GetProperty("d").GetProperty("shard");
                IdentifiedAt.Enqueue(TimeProvider.System.GetUtcNow());
                Identified.Enqueue((shard[0].GetInt32(), shard[1].GetInt32()));
                await SendAsync(socket, $$$"""
                    {"op":0,"t":"READY","s":1,"d":{"v":10,"session_id":"session-{{{shard[0].GetInt32()}}}",
                     "resume_gateway_url":"ws://{{{host}}}/gateway","user":{"id":"1","username":"bot"},"guilds":[]}}
                    """).ConfigureAwait(false);
                break;
        }
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
