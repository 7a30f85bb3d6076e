using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Tests.Contract;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Slack.Tests;

/// <summary>config/slack/manifest.json: a valid manifest that asks for what the adapter needs and nothing more.</summary>
public sealed class SlackManifestTests
{
    private static readonly string ManifestPath = Path.Combine(RepositoryPaths.Root, "config", "slack", "manifest.json");

    private static JsonObject Manifest => JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();

    [SkippableFact]
    public void Manifest_IsValidAgainstSlacksSchema()
    {
        Skip.IfNot(File.Exists(Path.Combine(SlackContract.Folder, "manifest.schema.json")), SlackContract.MissingMessage);

        var errors = SlackContract.Errors("manifest.schema.json", File.ReadAllText(ManifestPath));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Manifest_BotScopes_AreExactlyThoseTheAdapterUses()
    {
        var scopes = Manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(scope => scope!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["channels:history", "chat:write", "chat:write.public", "commands", "files:write", "groups:history", "im:write", "usergroups:read", "users:read"],
            scopes);
        Assert.Null(Manifest["oauth_config"]!["scopes"]!["user"]);
    }

    [Fact]
    public void Manifest_CommandAndUrls_AreTheOnesTheAdapterServes()
    {
        var manifest = Manifest;
        var command = Assert.Single(manifest["features"]!["slash_commands"]!.AsArray())!;
        var settings = manifest["settings"]!;

        Assert.Equal(SlackRoutes.SlashCommand, command["command"]!.GetValue<string>());
        // Escaped, a member typed as @name arrives as <@U…|name>: the id the bot needs for a member option.
        Assert.True(command["should_escape"]!.GetValue<bool>());
        Assert.Equal(SlackRoutes.Commands, UrlPath(command["url"]));
        Assert.Equal(SlackRoutes.Interactions, UrlPath(settings["interactivity"]!["request_url"]));
        Assert.True(settings["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.Equal(SlackRoutes.Events, UrlPath(settings["event_subscriptions"]!["request_url"]));
        Assert.Equal(["app_uninstalled", "tokens_revoked"], settings["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(settings["socket_mode_enabled"]!.GetValue<bool>());
        Assert.False(settings["org_deploy_enabled"]!.GetValue<bool>());
        Assert.Equal("DevOps90 bot", manifest["display_information"]!["name"]!.GetValue<string>());
    }

    private static string UrlPath(JsonNode? url) => new Uri(url!.GetValue<string>()).AbsolutePath;
}
