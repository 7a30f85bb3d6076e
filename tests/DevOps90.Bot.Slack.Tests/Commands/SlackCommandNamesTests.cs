using DevOps90.Bot.Slack.Commands;

namespace DevOps90.Bot.Slack.Tests.Commands;

public sealed class SlackCommandNamesTests
{
    [Theory]
    [InlineData("Type /help to see the commands.", "Type /devops90 help to see the commands.")]
    [InlineData("Try /day 1, or /forget-me.", "Try /devops90 day 1, or /devops90 forget-me.")]
    [InlineData("Edit /etc/hosts and see https://example.org/day/2 or /usr", "Edit /etc/hosts and see https://example.org/day/2 or /usr")]
    [InlineData("CI/CD and /days", "CI/CD and /days")]
    public void Rewrite_CommandsNamedInText_AreWrittenAsTypedOnSlack(string text, string expected) =>
        Assert.Equal(expected, SlackCommandNames.Rewrite(text));
}
