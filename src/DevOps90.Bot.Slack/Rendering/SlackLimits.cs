namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// Slack's limits on a message's blocks, as Block Kit's reference states them (the pages are linked per limit), plus
/// one budget of our own where Slack enforces a limit it does not document.
/// </summary>
public static class SlackLimits
{
    /// <summary>"You can include up to 50 blocks in each message" (https://api.slack.com/reference/block-kit/blocks).</summary>
    public const int Blocks = 50;

    /// <summary>Header text, plain_text (https://api.slack.com/reference/block-kit/blocks#header).</summary>
    public const int HeaderText = 150;

    /// <summary>A section's text (https://api.slack.com/reference/block-kit/blocks#section).</summary>
    public const int SectionText = 3000;

    /// <summary>Fields of one section (https://api.slack.com/reference/block-kit/blocks#section).</summary>
    public const int SectionFields = 10;

    /// <summary>The text of each section field (https://api.slack.com/reference/block-kit/blocks#section).</summary>
    public const int SectionFieldText = 2000;

    /// <summary>Any text object, a context element's included (https://api.slack.com/reference/block-kit/composition-objects#text).</summary>
    public const int TextObject = 3000;

    /// <summary>Elements of one context block (https://api.slack.com/reference/block-kit/blocks#context).</summary>
    public const int ContextElements = 10;

    /// <summary>Elements of one actions block (https://api.slack.com/reference/block-kit/blocks#actions).</summary>
    public const int ActionsElements = 25;

    /// <summary>A button's text (https://api.slack.com/reference/block-kit/block-elements#button).</summary>
    public const int ButtonText = 75;

    /// <summary>A button's value (https://api.slack.com/reference/block-kit/block-elements#button).</summary>
    public const int ButtonValue = 2000;

    /// <summary>A link button's url (https://api.slack.com/reference/block-kit/block-elements#button).</summary>
    public const int ButtonUrl = 3000;

    /// <summary>An element's action_id (https://api.slack.com/reference/block-kit/block-elements#button).</summary>
    public const int ActionId = 255;

    /// <summary>A block's block_id (https://api.slack.com/reference/block-kit/blocks#section).</summary>
    public const int BlockId = 255;

    /// <summary>
    /// The top-level text: with blocks it serves as the notification, which shows a line or two, and Slack asks to
    /// keep it under 4,000 characters (https://api.slack.com/methods/chat.postMessage#truncating).
    /// </summary>
    public const int MessageText = 4000;

    /// <summary>Where Slack itself truncates the top-level text (https://api.slack.com/methods/chat.postMessage#truncating).</summary>
    public const int MessageTextTruncatedAt = 40_000;

    /// <summary>
    /// Ours: the characters of text all blocks of a message may hold together. chat.postMessage refuses messages
    /// whose blocks hold more than about 12,000 characters in all (msg_blocks_too_long) although every block is
    /// within its own limit; the limit is undocumented and counts more than the visible text
    /// (https://github.com/slackapi/bolt-js/issues/2509, https://github.com/slackapi/bolt-js/issues/2867), so the
    /// renderer keeps well below it.
    /// </summary>
    public const int BlocksTextBudget = 8000;
}
