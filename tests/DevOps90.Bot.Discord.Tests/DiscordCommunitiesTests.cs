using System.Net;
using DevOps90.Bot.Discord.Tests.Rest;

namespace DevOps90.Bot.Discord.Tests;

public sealed class DiscordCommunitiesTests
{
    [Fact]
    public async Task CommunityOf_AChannel_IsItsGuildAskedOnceThenRemembered()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.OK, """{"id":"1325000000000000555","type":0,"guild_id":"1325000000000000777"}"""));
        var communities = new DiscordCommunities(harness.Client);

        var first = await communities.CommunityOfAsync("1325000000000000555");
        var second = await communities.CommunityOfAsync("1325000000000000555");

        Assert.Equal(("1325000000000000777", "1325000000000000777"), (first, second));
        var request = Assert.Single(harness.Handler.Requests);
        Assert.EndsWith("/channels/1325000000000000555", request.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommunityOf_AChannelDiscordDoesNotShow_IsNone()
    {
        using var harness = new RestHarness();
        harness.Handler.Then(() => DiscordAnswer.Create(HttpStatusCode.NotFound, """{"message":"Unknown Channel","code":10003}"""));
        var communities = new DiscordCommunities(harness.Client);

        Assert.Null(await communities.CommunityOfAsync("1325000000000000555"));
        Assert.Null(await communities.CommunityOfAsync("not-a-snowflake"));
    }
}
