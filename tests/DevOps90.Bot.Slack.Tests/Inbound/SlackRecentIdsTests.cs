using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Slack.Tests.Inbound;

public sealed class SlackRecentIdsTests
{
    [Fact]
    public void TryAdd_SameKeyWithinRetention_FalseTheSecondTime()
    {
        var recent = new SlackRecentIds(new FakeTimeProvider());

        Assert.True(recent.TryAdd("event:Ev1"));
        Assert.False(recent.TryAdd("event:Ev1"));
        Assert.True(recent.TryAdd("event:Ev2"));
    }

    [Fact]
    public void TryAdd_SameKeyAfterRetention_TrueAgain()
    {
        var time = new FakeTimeProvider();
        var recent = new SlackRecentIds(time);
        recent.TryAdd("event:Ev1");

        time.Advance(SlackRecentIds.Retention - TimeSpan.FromSeconds(1));
        var stillKnown = !recent.TryAdd("event:Ev1");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(stillKnown);
        Assert.True(recent.TryAdd("event:Ev1"));
    }

    [Fact]
    public void TryAdd_OverCapacity_ForgetsTheOldest()
    {
        var recent = new SlackRecentIds(new FakeTimeProvider()) { Capacity = 2 };
        recent.TryAdd("a");
        recent.TryAdd("b");
        recent.TryAdd("c");

        Assert.False(recent.TryAdd("c"));
        Assert.False(recent.TryAdd("b"));
        Assert.True(recent.TryAdd("a"));
    }

    [Fact]
    public void Forget_KeyAddedAgainLater_KeptForItsOwnRetention()
    {
        var time = new FakeTimeProvider();
        var recent = new SlackRecentIds(time);
        recent.TryAdd("a");
        recent.Forget("a");
        time.Advance(TimeSpan.FromMinutes(10));
        recent.TryAdd("a");

        // The first entry's expiry passes; the second's does not.
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.False(recent.TryAdd("a"));
    }
}
