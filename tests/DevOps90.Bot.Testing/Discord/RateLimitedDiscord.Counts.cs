using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Testing.Discord;

/// <summary>What the fake counted per channel (each cohort of the fan-out has its own), and its gateway's routes.</summary>
public sealed partial class RateLimitedDiscord
{
    /// <summary>Channels that got more than one message: duplicates, since each cohort has its own channel and one post.</summary>
    public int ChannelsWithMoreThanOneMessage()
    {
        lock (_gate)
        {
            return _messagesPerChannel.Values.Count(count => count > 1);
        }
    }

    /// <summary>Messages created in each channel that got any.</summary>
    public IReadOnlyDictionary<string, int> MessagesPerChannel()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_messagesPerChannel, StringComparer.Ordinal);
        }
    }

    /// <summary>429s of each channel's message bucket, for the channels that got any.</summary>
    public IReadOnlyDictionary<string, int> RouteRefusalsPerChannel()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_routeRefusalsPerChannel, StringComparer.Ordinal);
        }
    }

    /// <summary>Serves the gateway's websocket and GET /gateway/bot; false for any other request.</summary>
    private async Task<bool> ServeGatewayAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await Gateway.RunAsync(context).ConfigureAwait(false);
            return true;
        }

        if (context.Request.Method == "GET" && (context.Request.Path.Value ?? "").EndsWith("/gateway/bot", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Gateway.GatewayBot(context)).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
