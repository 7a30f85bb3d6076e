using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class ResourceIdentityTests
{
    [Theory]
    [InlineData("https://youtu.be/Ab3_x-Z9?si=tracking", "https://www.youtube.com/watch?v=Ab3_x-Z9")]
    [InlineData("https://youtube.com/watch?v=Ab3_x-Z9&feature=shared", "https://m.youtube.com/watch?v=Ab3_x-Z9")]
    [InlineData("https://www.youtube.com/embed/Ab3_x-Z9", "https://www.youtube.com/live/Ab3_x-Z9?si=x")]
    [InlineData("https://youtu.be/Ab3_x-Z9?t=90", "https://www.youtube.com/watch?v=Ab3_x-Z9&t=90s")]
    public void Of_OneVideoWrittenTwoWays_IsOneResource(string written, string rewritten)
    {
        Assert.Equal(ResourceIdentity.Of(written), ResourceIdentity.Of(rewritten));
    }

    [Theory]
    [InlineData("https://youtu.be/Ab3_x-Z9", "https://youtu.be/Ab3_x-Z9?t=600")]
    [InlineData("https://youtu.be/Ab3_x-Z9", "https://youtu.be/ab3_x-z9")]
    [InlineData("https://www.youtube.com/watch?v=Ab3_x-Z9", "https://www.youtube.com/playlist?list=Ab3_x-Z9")]
    [InlineData("https://example.org/a?si=1", "https://example.org/a?si=2")]
    public void Of_AnotherPartAnotherVideoOrAnotherPage_IsAnotherResource(string one, string other)
    {
        Assert.NotEqual(ResourceIdentity.Of(one), ResourceIdentity.Of(other));
    }

    [Fact]
    public void Of_AnAddressThatIsNoVideo_IsItself()
    {
        Assert.Equal("https://example.org/docs?page=2", ResourceIdentity.Of("https://example.org/docs?page=2"));
    }
}
