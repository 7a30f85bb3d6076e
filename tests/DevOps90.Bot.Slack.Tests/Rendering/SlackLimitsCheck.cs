using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack.Tests.Rendering;

/// <summary>Asserts that a rendered message keeps every <see cref="SlackLimits"/> constant, and that its mrkdwn is whole.</summary>
internal static partial class SlackLimitsCheck
{
    public static void AssertWithin(SlackMessage message, string what = "message")
    {
        Assert.InRange(message.Text.Length, 1, SlackLimits.MessageText);
        Assert.True(message.Blocks.Count <= SlackLimits.Blocks, $"{what}: {message.Blocks.Count} blocks");
        var total = 0;
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in message.Blocks.Select(node => node!.AsObject()))
        {
            if (block["block_id"] is { } blockId)
            {
                Assert.True(blockId.GetValue<string>().Length <= SlackLimits.BlockId, what);
            }

            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    total += Text(block["text"]!, SlackLimits.HeaderText, what);
                    break;
                case "section":
                    if (block["text"] is { } text)
                    {
                        total += Text(text, SlackLimits.SectionText, what);
                    }

                    var fields = block["fields"]?.AsArray() ?? [];
                    Assert.True(fields.Count <= SlackLimits.SectionFields, $"{what}: {fields.Count} fields");
                    Assert.True(block["text"] is not null || fields.Count > 0, $"{what}: empty section");
                    total += fields.Sum(field => Text(field!, SlackLimits.SectionFieldText, what));
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, SlackLimits.ContextElements);
                    total += elements.Sum(element => Text(element!, SlackLimits.TextObject, what));
                    break;
                case "actions":
                    var buttons = block["elements"]!.AsArray();
                    Assert.InRange(buttons.Count, 1, SlackLimits.ActionsElements);
                    foreach (var button in buttons.Select(node => node!.AsObject()))
                    {
                        total += Text(button["text"]!, SlackLimits.ButtonText, what);
                        var actionId = button["action_id"]!.GetValue<string>();
                        Assert.True(actionId.Length <= SlackLimits.ActionId && actionIds.Add(actionId), $"{what}: action_id {actionId}");
                        Assert.True((button["value"]?.GetValue<string>().Length ?? 0) <= SlackLimits.ButtonValue, what);
                        Assert.True((button["url"]?.GetValue<string>().Length ?? 0) <= SlackLimits.ButtonUrl, what);
                    }

                    break;
                default:
                    Assert.Fail($"{what}: unexpected block {block.ToJsonString()}");
                    break;
            }
        }

        Assert.True(total <= SlackLimits.BlocksTextBudget, $"{what}: {total} characters of text in all");
    }

    /// <summary>Every text of the blocks, in order.</summary>
    public static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() is "mrkdwn" or "plain_text" => [obj["text"]!.GetValue<string>()],
        JsonObject obj => obj.SelectMany(property => property.Value is null ? [] : Texts(property.Value)),
        JsonArray array => array.SelectMany(item => item is null ? [] : Texts(item)),
        _ => [],
    };

    private static int Text(JsonNode textObject, int limit, string what)
    {
        var type = textObject["type"]!.GetValue<string>();
        var text = textObject["text"]!.GetValue<string>();
        Assert.True(text.Length is > 0 && text.Length <= limit, $"{what}: {type} of {text.Length} characters (limit {limit})");
        if (type == "mrkdwn")
        {
            AssertWhole(text, what);
        }

        return text.Length;
    }

    // Every '<' closed before the next one opens, every '&' an entity: no cut went through markup.
    private static void AssertWhole(string mrkdwn, string what)
    {
        var open = false;
        foreach (var c in mrkdwn)
        {
            if (c == '<')
            {
                Assert.False(open, $"{what}: nested or unclosed '<' in {mrkdwn}");
                open = true;
            }
            else if (c == '>')
            {
                Assert.True(open, $"{what}: stray '>' in {mrkdwn}");
                open = false;
            }
        }

        Assert.False(open, $"{what}: unclosed '<' in {mrkdwn}");
        Assert.DoesNotMatch(LooseAmpersand(), mrkdwn);
    }

    [GeneratedRegex("&(?!amp;|lt;|gt;)")]
    private static partial Regex LooseAmpersand();
}
