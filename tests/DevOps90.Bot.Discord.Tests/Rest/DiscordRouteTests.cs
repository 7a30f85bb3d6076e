using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord.Tests.Rest;

public sealed class DiscordRouteTests
{
    [Fact]
    public void Bot_OtherMessageIdSameChannel_SameTemplateAndMajor()
    {
        var first = DiscordRoute.Bot(HttpMethod.Patch, "channels/1/messages/2");
        var second = DiscordRoute.Bot(HttpMethod.Patch, "channels/1/messages/3");

        Assert.Equal("PATCH /channels/{channel_id}/messages/{message_id}", first.Display);
        Assert.Equal(first.Display, second.Display);
        Assert.Equal("channels/1", first.MajorParameter);
        Assert.Equal(first.MajorParameter, second.MajorParameter);
    }

    [Fact]
    public void Bot_OtherChannel_OtherMajor()
    {
        var first = DiscordRoute.Bot(HttpMethod.Post, "channels/1/messages");
        var other = DiscordRoute.Bot(HttpMethod.Post, "channels/9/messages");

        Assert.Equal(first.Display, other.Display);
        Assert.NotEqual(first.MajorParameter, other.MajorParameter);
    }

    [Fact]
    public void Bot_GuildCommands_TemplateNamesEveryId()
    {
        var route = DiscordRoute.Bot(HttpMethod.Put, "applications/11/guilds/22/commands");

        Assert.Equal("PUT /applications/{application_id}/guilds/{guild_id}/commands", route.Display);
        Assert.True(route.UsesBotToken);
        Assert.Equal("", route.MajorParameter);
    }

    [Fact]
    public void Interaction_Callback_TemplateAndToStringHideToken()
    {
        var route = DiscordRoute.Interaction(HttpMethod.Post, "interactions/123/aW50ZXJhY3Rpb246c2VjcmV0/callback");

        Assert.Equal("POST /interactions/{interaction_id}/{interaction_token}/callback", route.Display);
        Assert.Equal(route.Display, route.ToString());
        Assert.DoesNotContain("aW50ZXJhY3Rpb246c2VjcmV0", route.MajorParameter, StringComparison.Ordinal);
        Assert.False(route.UsesBotToken);
        Assert.Equal("Unknown token [redacted]", route.Redact("Unknown token aW50ZXJhY3Rpb246c2VjcmV0"));
    }

    [Fact]
    public void Interaction_WebhookTokensDiffer_MajorsDiffer()
    {
        var first = DiscordRoute.Interaction(HttpMethod.Patch, "webhooks/11/token-one/messages/@original");
        var second = DiscordRoute.Interaction(HttpMethod.Patch, "webhooks/11/token-two/messages/@original");

        Assert.Equal("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", first.Display);
        Assert.StartsWith("webhooks/11/", first.MajorParameter, StringComparison.Ordinal);
        Assert.NotEqual(first.MajorParameter, second.MajorParameter);
    }
}
