using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.LoadTest.Slack;

/// <summary>
/// Slack's Web API as far as /devops90 day needs it, on loopback: users.info answers a bench member (English or
/// French, per <see cref="BenchUsers"/>), auth.test the bench workspace, anything else unknown_method as Slack does.
/// One line per call on standard output, so the load script can say how often the host asked (it keeps each answer
/// five minutes). Runs until stopped (SIGTERM, Ctrl+C).
/// </summary>
internal static class SlackApiStub
{
    public static async Task<int> RunAsync(int port, TextWriter output)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/api/{method}", async (HttpContext context, string method) =>
        {
            var user = await UserArgumentAsync(context.Request).ConfigureAwait(false);
            output.WriteLine($"STUB {method} {user}");
            var answer = method switch
            {
                "users.info" when user is not null => new JsonObject { ["ok"] = true, ["user"] = User(user) },
                "users.info" => new JsonObject { ["ok"] = false, ["error"] = "user_not_found" },
                "auth.test" => new JsonObject { ["ok"] = true, ["team_id"] = BenchUsers.TeamId, ["user_id"] = "U0BENCHBOT", ["bot_id"] = "B0BENCHBOT" },
                _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
            };
            return Results.Text(answer.ToJsonString(), "application/json; charset=utf-8");
        });
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static JsonObject User(string id)
    {
        var name = "bench-" + id["U0BENCH".Length..];
        return new JsonObject
        {
            ["id"] = id,
            ["team_id"] = BenchUsers.TeamId,
            ["name"] = name,
            ["real_name"] = "Bench " + name,
            ["is_admin"] = false,
            ["is_owner"] = false,
            ["is_bot"] = false,
            ["deleted"] = false,
            ["tz"] = "Europe/Paris",
            ["locale"] = BenchUsers.LocaleOf(id),
            ["profile"] = new JsonObject { ["display_name"] = name, ["real_name"] = "Bench " + name },
        };
    }

    /// <summary>The user argument, from a form (how the host sends users.info) or a JSON body.</summary>
    private static async Task<string?> UserArgumentAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            return form["user"].ToString() is { Length: > 0 } user ? user : null;
        }

        var json = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
        return json?["user"]?.GetValue<string>();
    }
}
