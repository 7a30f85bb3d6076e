namespace DevOps90.Bot.Slack.Tests;

public sealed class SlackMembersTests
{
    [Fact]
    public void MemberId_TeamAndUser_RoundTrips()
    {
        var id = SlackMembers.MemberId("T0FAKE", "U0ADA");

        Assert.Equal("slack:T0FAKE:U0ADA", id);
        Assert.True(SlackMembers.TryParse(id, out var team, out var user));
        Assert.Equal(("T0FAKE", "U0ADA"), (team, user));
    }

    [Fact]
    public void MemberId_SameUserInTwoWorkspaces_IsTwoMembers()
    {
        Assert.NotEqual(SlackMembers.MemberId("T0ONE", "U0ADA"), SlackMembers.MemberId("T0TWO", "U0ADA"));
    }

    [Theory]
    [InlineData("discord:1400000000000000009")]
    [InlineData("slack:U0ADA")]
    [InlineData("slack:T0FAKE:U0ADA:extra")]
    [InlineData("slack::U0ADA")]
    [InlineData("slack:T0FAKE:<!here>")]
    [InlineData("SLACK:T0FAKE:U0ADA")]
    [InlineData(null)]
    public void TryParse_NotASlackMember_IsFalse(string? memberId)
    {
        Assert.False(SlackMembers.TryParse(memberId, out _, out _));
    }

    [Theory]
    [InlineData("T0FAKE", "u0ada")]
    [InlineData("T0:X", "U0ADA")]
    [InlineData("", "U0ADA")]
    public void MemberId_NotSlackIds_Throws(string team, string user)
    {
        Assert.Throws<ArgumentException>(() => SlackMembers.MemberId(team, user));
    }
}
