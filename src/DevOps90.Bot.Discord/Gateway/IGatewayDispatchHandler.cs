using System.Text.Json;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// Receives every Dispatch (opcode 0) event of the gateway session, in order, one at a time.
/// <paramref name="data"/> is the event's <c>d</c> field and stays valid after the call returns.
/// </summary>
public interface IGatewayDispatchHandler
{
    Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken);
}
