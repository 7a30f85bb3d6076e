using System.Text.Json.Nodes;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>The Block Kit objects the renderer uses (https://api.slack.com/reference/block-kit/blocks), as JSON.</summary>
internal static class SlackBlocks
{
    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(text) };

    public static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    public static JsonObject Fields(IEnumerable<string> fields) =>
        new() { ["type"] = "section", ["fields"] = new JsonArray([.. fields.Select(field => (JsonNode)Mrkdwn(field))]) };

    public static JsonObject Context(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(mrkdwn)) };

    public static JsonObject Actions(IEnumerable<JsonObject> elements) =>
        new() { ["type"] = "actions", ["elements"] = new JsonArray([.. elements]) };

    public static JsonObject CommandButton(string label, string actionId, string value) =>
        new() { ["type"] = "button", ["text"] = PlainText(label), ["action_id"] = actionId, ["value"] = value };

    public static JsonObject LinkButton(string label, string actionId, string url) =>
        new() { ["type"] = "button", ["text"] = PlainText(label), ["action_id"] = actionId, ["url"] = url };

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    // verbatim: Slack then links no names or addresses by itself (a "@channel" or "#general" in a lesson stays text);
    // SlackMrkdwn writes every link and mention explicitly
    // (https://api.slack.com/reference/block-kit/composition-objects#text).
    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true };
}
