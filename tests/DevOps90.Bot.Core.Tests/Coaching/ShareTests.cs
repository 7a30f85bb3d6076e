using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Core.Tests.Coaching;

/// <summary><c>/share</c> on the fake clock: checked, once a day, a check-in, posted in the day's thread or the channel.</summary>
public sealed class ShareTests
{
    private const string Link = "https://dev.to/ada/day-1-devops";

    [Fact]
    public async Task Share_CountsAsTheDaysCheckIn_AndIsPostedInTheDaysThread()
    {
        var fixture = await WithDayOnePostAsync();

        var reply = await fixture.AskAsync("share", "ada", ("url", Link), ("note", "my notes on day 1"));

        Assert.Equal("Shared in the day's thread — day 1 marked done, streak 1 🔥", CoachingFixture.TextOf(reply));
        Assert.True(reply.IsPrivate);
        Assert.Equal([1], (await fixture.CheckIns.ForMemberAsync(CoachingFixture.Id, "ada")).Select(checkIn => checkIn.Day));
        var (thread, post) = Assert.Single(fixture.Publisher.ThreadPosts);
        Assert.Equal("thread-of-message-1", thread);
        Assert.Equal($"📣 ada learned in public on day 1: {Link}\nmy notes on day 1", CoachingFixture.TextOf(post));
        // Nothing else in the channel than the daily post.
        Assert.Single(fixture.Publisher.Posts);
    }

    [Fact]
    public async Task Share_TwiceTheSameDay_IsRefused_TheNextDayAccepted()
    {
        var fixture = await WithDayOnePostAsync();

        await fixture.AskAsync("share", "ada", ("url", Link));
        var again = await fixture.AskAsync("share", "ada", ("url", "https://example.org/other"));
        fixture.At("2027-01-05T12:00:00Z");
        var nextDay = await fixture.AskAsync("share", "ada", ("url", "https://example.org/day-2"));

        Assert.Equal("You have already shared something for day 1: one share a day.", CoachingFixture.TextOf(again));
        Assert.True(again.IsError);
        Assert.False(nextDay.IsError);
        Assert.Equal([2, 1], (await fixture.Shares.ForMemberAsync(CoachingFixture.Id, "ada")).Select(share => share.Day));
        Assert.Equal(Link, (await fixture.Shares.ForMemberAsync(CoachingFixture.Id, "ada"))[1].Url);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("my blog")]
    [InlineData("/day-1")]
    [InlineData("https://")]
    [InlineData("https://user:secret@example.org/")]
    [InlineData("https://example.org/a b")]
    public async Task Share_NotAnHttpLink_IsRefused_AndNothingIsRecorded(string typed)
    {
        var fixture = await WithDayOnePostAsync();

        var reply = await fixture.AskAsync("share", "ada", ("url", typed));

        Assert.True(reply.IsError);
        Assert.StartsWith($"“{typed}” is not a link", CoachingFixture.TextOf(reply), StringComparison.Ordinal);
        Assert.Empty(await fixture.Shares.ForCohortAsync(CoachingFixture.Id));
        Assert.Empty(await fixture.CheckIns.ForMemberAsync(CoachingFixture.Id, "ada"));
    }

    [Fact]
    public async Task Share_TooLongALinkOrNote_IsRefused()
    {
        var fixture = await WithDayOnePostAsync();

        var link = await fixture.AskAsync("share", "ada", ("url", "https://example.org/" + new string('a', ShareLink.MaxLength)));
        var note = await fixture.AskAsync("share", "ada", ("url", Link), ("note", new string('n', ShareLink.MaxNoteLength + 1)));

        Assert.Equal("That link is too long (at most 500 characters).", CoachingFixture.TextOf(link));
        Assert.Equal("The note is too long (at most 280 characters).", CoachingFixture.TextOf(note));
        Assert.Empty(await fixture.Shares.ForCohortAsync(CoachingFixture.Id));
    }

    [Theory]
    [InlineData("<https://example.org/post|example.org/post>", "https://example.org/post")]
    [InlineData("  https://EXAMPLE.org/Post  ", "https://example.org/Post")]
    [InlineData("http://example.org", "http://example.org/")]
    public void ShareLink_AsClientsSendIt_IsReadAsTheAddress(string typed, string expected)
    {
        Assert.Equal(ShareLinkProblem.None, ShareLink.TryRead(typed, out var link));
        Assert.Equal(expected, link);
    }

    [Fact]
    public async Task Share_WhenTheDaysThreadIsArchived_GoesToTheChannel()
    {
        var fixture = await WithDayOnePostAsync();
        fixture.Publisher.Archived["thread-of-message-1"] = true;

        var reply = await fixture.AskAsync("share", "ada", ("url", Link));

        Assert.Equal("Shared in the channel — day 1 marked done, streak 1 🔥", CoachingFixture.TextOf(reply));
        Assert.Empty(fixture.Publisher.ThreadPosts);
        Assert.Equal($"📣 ada learned in public on day 1: {Link}", fixture.ChannelTexts[^1]);
    }

    [Fact]
    public async Task Share_WithoutThreads_GoesToTheChannel()
    {
        var fixture = new CoachingFixture("2027-01-04T12:00:00Z", cohort => cohort with { Threads = false });

        var reply = await fixture.AskAsync("share", "ada", ("url", Link));

        Assert.Equal("Shared in the channel — day 1 marked done, streak 1 🔥", CoachingFixture.TextOf(reply));
        Assert.Equal($"📣 ada learned in public on day 1: {Link}", Assert.Single(fixture.ChannelTexts));
    }

    [Fact]
    public async Task Share_BeforeDayOne_IsRefused()
    {
        var fixture = new CoachingFixture("2027-01-02T12:00:00Z");

        var reply = await fixture.AskAsync("share", "ada", ("url", Link));

        Assert.True(reply.IsError);
        Assert.Empty(await fixture.Shares.ForCohortAsync(CoachingFixture.Id));
    }

    [Fact]
    public async Task Share_AfterDone_KeepsTheCheckIn_AndStillCounts()
    {
        var fixture = await WithDayOnePostAsync();
        await fixture.AskAsync("done", "ada");

        var reply = await fixture.AskAsync("share", "ada", ("url", Link));

        Assert.StartsWith("Shared in the day's thread — day 1", CoachingFixture.TextOf(reply), StringComparison.Ordinal);
        Assert.Single(await fixture.CheckIns.ForMemberAsync(CoachingFixture.Id, "ada"));
        Assert.Single(await fixture.Shares.ForCohortAsync(CoachingFixture.Id));
    }

    [Fact]
    public async Task Shares_ShowOnProgress_TheLeaderboard_AndTheExport()
    {
        var fixture = await WithDayOnePostAsync();
        await fixture.AskAsync("share", "ada", ("url", Link));
        await fixture.AskAsync("done", "bob");

        var progress = await fixture.AskAsync("progress", "ada");
        var leaderboard = await fixture.AskAsync("leaderboard", "bob");
        var rows = await fixture.Participation.ExportAsync(fixture.Cohort, null, null).ToListAsync();

        var shares = Assert.Single(progress.Fields, field => field.Name == "Shares");
        Assert.Equal($"1 — latest: {Link}", shares.Value.Lines[0].PlainText);
        var ranking = Assert.Single(leaderboard.Fields);
        Assert.Equal("Learning in public (shares)", ranking.Name);
        Assert.Equal("1. ada — 1 shares", Assert.Single(ranking.Value.Lines).PlainText);
        Assert.Equal([("ada", Link), ("bob", null)], rows.OrderBy(row => row.MemberId).Select(row => (row.MemberId, row.SharedUrl)));
    }

    [Fact]
    public async Task ForgetMe_DeletesSharesAndMilestones()
    {
        var fixture = await WithDayOnePostAsync();
        await fixture.AskAsync("share", "ada", ("url", Link));
        await fixture.Milestones.TryReachAsync(CoachingFixture.Id, "ada", 2, fixture.Time.GetUtcNow());
        await fixture.Milestones.SetOptedOutAsync("ada", true);

        await fixture.Participation.ForgetAsync("ada");

        Assert.Empty(await fixture.Shares.ForCohortAsync(CoachingFixture.Id));
        Assert.Empty(await fixture.Milestones.ReachedAsync(CoachingFixture.Id, "ada"));
        Assert.False(await fixture.Milestones.IsOptedOutAsync("ada"));
        Assert.Empty(await fixture.CheckIns.ForMemberAsync(CoachingFixture.Id, "ada"));
    }

    /// <summary>Day 1's post went out the evening before (opening its thread); now it is day 1, at noon.</summary>
    private static async Task<CoachingFixture> WithDayOnePostAsync()
    {
        var fixture = new CoachingFixture("2027-01-03T17:00:30Z");
        Assert.Equal(DeliveryStatus.Sent, (await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id)).Status);
        fixture.At("2027-01-04T12:00:00Z");
        return fixture;
    }
}
