using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// Threads, channels and roles as Discord answers them: a thread started from a message has the message's id, and a
/// second start on the same message is refused (400, code 160004); a channel names its server; giving a role answers
/// 204, or 403 with code 50013 (Missing Permissions) when the bot may not.
/// </summary>
internal sealed partial class FakeDiscordServer
{
    public const string Guild = "1300000000000000300";

    private readonly ConcurrentDictionary<string, string> _threadParents = new();

    /// <summary>Threads that are archived (their channel object says so).</summary>
    public ConcurrentDictionary<string, bool> ArchivedThreads { get; } = new();

    /// <summary>Answer role grants with 403, code 50013, as Discord does without Manage Roles or for a role above the bot's.</summary>
    public bool RefuseRoles { get; set; }

    private async Task<bool> HandleCoachingAsync(HttpContext context, string method, string path)
    {
        var segments = path.Split('/');
        switch (method)
        {
            case "POST" when path.Contains("/channels/", StringComparison.Ordinal) && segments[^1] == "threads" && segments[^3] == "messages":
                var message = segments[^2];
                if (!_threadParents.TryAdd(message, segments[^4]))
                {
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync("""{"message":"A thread has already been created for this message","code":160004}""");
                    return true;
                }

                await context.Response.WriteAsync($$"""{"id":"{{message}}","type":11,"guild_id":"{{Guild}}","parent_id":"{{segments[^4]}}"}""");
                return true;
            case "GET" when segments.Length >= 2 && segments[^2] == "channels":
                var id = segments[^1];
                var archived = ArchivedThreads.ContainsKey(id) ? "true" : "false";
                await context.Response.WriteAsync(_threadParents.TryGetValue(id, out var parent)
                    ? $$$"""{"id":"{{{id}}}","type":11,"guild_id":"{{{Guild}}}","parent_id":"{{{parent}}}","thread_metadata":{"archived":{{{archived}}}}}"""
                    : $$"""{"id":"{{id}}","type":0,"guild_id":"{{Guild}}"}""");
                return true;
            case "PUT" when path.Contains("/guilds/", StringComparison.Ordinal) && segments[^2] == "roles":
                if (RefuseRoles)
                {
                    context.Response.StatusCode = 403;
                    await context.Response.WriteAsync("""{"message":"Missing Permissions","code":50013}""");
                }
                else
                {
                    context.Response.StatusCode = 204;
                }

                return true;
            default:
                return false;
        }
    }
}
