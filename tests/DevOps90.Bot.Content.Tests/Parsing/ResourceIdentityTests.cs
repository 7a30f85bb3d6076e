using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class ResourceIdentityTests
{
    [Theory]
    [InlineData("https://youtu.be/Ab3_x-Z9?si=tracking", "https://www.youtube.com/watch?v=Ab3_x-Z9")]
    [InlineData("https://youtube.com/watch?v=Ab3_x-Z9&feature=shared", "https://m.youtube.com/watch?v=Ab3_x-Z9")]
    [InlineData("https://www.youtube.com/embed/Ab3_x-Z9", "https://www.youtube.com/live/Ab3_x-Z9?si=x")]
    [InlineData("https://youtu.be/Ab3_x-Z9?t=90", "https://www.youtube.com/watch?v=Ab3_x-Z9&t=90s")]
    [InlineData("HTTPS://YOUTU.BE/Ab3_x-Z9/", "https://www.youtube.com/watch?feature=shared&v=Ab3_x-Z9#comments")]
    [InlineData("https://www.youtube.com/shorts/Ab3_x-Z9", "https://www.youtube-nocookie.com/embed/Ab3_x-Z9?start=0")]
    public void Of_OneVideoWrittenTwoWays_IsOneResource(string written, string rewritten)
    {
        Assert.Equal(ResourceIdentity.Of(written), ResourceIdentity.Of(rewritten));
    }

    [Theory]
    [InlineData("https://youtu.be/Ab3_x-Z9", "https://youtu.be/Ab3_x-Z9?t=600")]
    [InlineData("https://youtu.be/Ab3_x-Z9", "https://youtu.be/ab3_x-z9")]
    [InlineData("https://www.youtube.com/watch?v=Ab3_x-Z9", "https://www.youtube.com/playlist?list=Ab3_x-Z9")]
    [InlineData("https://example.org/a?si=1", "https://example.org/a?si=2")]
    [InlineData("https://www.youtube.com/@channel/videos", "https://www.youtube.com/@other/videos")]
    [InlineData("https://notyoutube.com/watch?v=Ab3_x-Z9", "https://www.youtube.com/watch?v=Ab3_x-Z9")]
    public void Of_AnotherPartAnotherVideoOrAnotherPage_IsAnotherResource(string one, string other)
    {
        Assert.NotEqual(ResourceIdentity.Of(one), ResourceIdentity.Of(other));
    }

    [Theory]
    [InlineData("https://example.org/docs?page=2")]
    [InlineData("https://www.youtube.com/@channel")]
    [InlineData("https://www.youtube.com/watch?list=PL1")]
    [InlineData("https://youtu.be/")]
    public void Of_AnAddressThatIsNoVideo_IsItself(string url)
    {
        Assert.Equal(url, ResourceIdentity.Of(url));
    }
}
