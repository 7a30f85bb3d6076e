namespace DevOps90.Bot.Discord.Tests;

public sealed class DiscordMembersTests
{
    [Theory]
    [InlineData("<@&777000000000000777>", "777000000000000777")]
    [InlineData(" <#555000000000000555> ", "555000000000000555")]
    [InlineData("777000000000000777", "777000000000000777")]
    [InlineData("<@&learners>", "<@&learners>")]
    [InlineData("none", "none")]
    public void BareReference_OneRoleOrChannelMention_IsTheIdItNames(string typed, string expected) =>
        Assert.Equal(expected, DiscordMembers.BareReference(typed));
}
