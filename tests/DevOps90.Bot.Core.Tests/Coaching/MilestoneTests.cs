using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Core.Tests.Coaching;

/// <summary>Milestones (the fixture's cohort has them at 2 and 4 days done, and a milestone role) on the fake clock.</summary>
public sealed class MilestoneTests
{
    [Fact]
    public async Task Done_ReachingAMilestone_CongratulatesInTheChannelOnce_AndGivesTheRole()
    {
        var fixture = new CoachingFixture("2027-01-05T12:00:00Z");

        await fixture.AskAsync("done", "ada", ("day", "1"));
        var none = fixture.ChannelTexts.Count;
        await fixture.AskAsync("done", "ada", ("day", "2"));
        // Undone and done again: the milestone was reached once, and is congratulated once.
        await fixture.AskAsync("undo", "ada", ("day", "2"));
        await fixture.AskAsync("done", "ada", ("day", "2"));

        Assert.Equal(0, none);
        Assert.Equal("🎉 ada has done 2 days of #90DaysOfDevOps — congratulations!", Assert.Single(fixture.ChannelTexts));
        Assert.Equal(("ada", "role-1"), Assert.Single(fixture.Publisher.Roles));
        Assert.Equal([2], await fixture.Milestones.ReachedAsync(CoachingFixture.Id, "ada"));
    }

    [Fact]
    public async Task Milestones_SwitchedOnAfterMembersPassedSome_RecordThoseSilently_AndCongratulateOnlyTheNext()
    {
        var fixture = new CoachingFixture("2027-01-07T12:00:00Z", cohort => cohort with { Milestones = [] });
        foreach (var day in new[] { "1", "2", "3" })
        {
            await fixture.AskAsync("done", "ada", ("day", day));
        }

        await fixture.AskAsync("done", "bob", ("day", "1"));
        fixture.Cohorts.Upsert(fixture.Cohort with { Milestones = [1, 2, 4] });

        // Ada had passed 1 and 2: her next check-in reaches 4, the one milestone she is congratulated for.
        await fixture.AskAsync("done", "ada", ("day", "4"));
        // Undone back to 1 day and done again to 2: both were passed before, and stay unannounced.
        foreach (var day in new[] { "4", "3", "2" })
        {
            await fixture.AskAsync("undo", "ada", ("day", day));
        }

        await fixture.AskAsync("done", "ada", ("day", "2"));
        // Bob had passed 1: reaching 2 is new, and congratulated.
        await fixture.AskAsync("done", "bob", ("day", "2"));

        Assert.Equal(["🎉 ada has done 4 days of #90DaysOfDevOps — congratulations!", "🎉 bob has done 2 days of #90DaysOfDevOps — congratulations!"], fixture.ChannelTexts);
        Assert.Equal([1, 2, 4], await fixture.Milestones.ReachedAsync(CoachingFixture.Id, "ada"));
        Assert.Equal([1, 2], await fixture.Milestones.ReachedAsync(CoachingFixture.Id, "bob"));
        Assert.Equal(2, fixture.Publisher.Roles.Count);
    }

    [Fact]
    public async Task Share_ReachingAMilestone_Congratulates()
    {
        var fixture = new CoachingFixture("2027-01-05T12:00:00Z", cohort => cohort with { Threads = false });
        await fixture.AskAsync("done", "ada", ("day", "1"));

        await fixture.AskAsync("share", "ada", ("url", "https://example.org/day-2"));

        Assert.Contains("🎉 ada has done 2 days of #90DaysOfDevOps — congratulations!", fixture.ChannelTexts);
    }

    [Fact]
    public async Task Milestones_OptedOut_NoCongratulationNoRole_UntilOnAgain()
    {
        var fixture = new CoachingFixture("2027-01-07T12:00:00Z");

        var off = await fixture.AskAsync("milestones", "ada", ("state", "off"));
        await fixture.AskAsync("done", "ada", ("day", "1"));
        await fixture.AskAsync("done", "ada", ("day", "2"));
        var on = await fixture.AskAsync("milestones", "ada", ("state", "on"));
        await fixture.AskAsync("done", "ada", ("day", "3"));
        await fixture.AskAsync("done", "ada", ("day", "4"));

        Assert.Equal("No milestone congratulations for you. /milestones on turns them back on.", CoachingFixture.TextOf(off));
        Assert.StartsWith("You are congratulated", CoachingFixture.TextOf(on), StringComparison.Ordinal);
        Assert.Equal("🎉 ada has done 4 days of #90DaysOfDevOps — congratulations!", Assert.Single(fixture.ChannelTexts));
        Assert.Single(fixture.Publisher.Roles);
    }

    [Fact]
    public async Task MilestoneRole_Refused_IsReportedInStatusOnce_AndNotAskedForAgain()
    {
        var fixture = new CoachingFixture("2027-01-05T12:00:00Z");
        fixture.Publisher.RoleAnswers.Enqueue(new RoleGrantResult(RoleGrantOutcome.Refused, "Discord 403 (50013): Missing Permissions"));
        fixture.Publisher.RoleAnswers.Enqueue(new RoleGrantResult(RoleGrantOutcome.Refused, "asked again"));

        foreach (var member in new[] { "ada", "bob" })
        {
            await fixture.AskAsync("done", member, ("day", "1"));
            await fixture.AskAsync("done", member, ("day", "2"));
        }

        var status = await fixture.AskAsync("status");

        // Both members congratulated; the role asked for once, at the first milestone.
        Assert.Equal(2, fixture.ChannelTexts.Count);
        Assert.Single(fixture.Publisher.RoleAnswers);
        Assert.Empty(fixture.Publisher.Roles);
        var lines = status.Fields[0].Value.Lines.Select(line => line.PlainText).ToList();
        var warning = Assert.Single(lines, line => line.StartsWith('⚠'));
        Assert.Contains("Milestone role role-1 could not be given", warning, StringComparison.Ordinal);
        Assert.Contains("Discord 403 (50013): Missing Permissions", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestoneRole_ChangedAfterARefusal_IsTriedAgain()
    {
        var fixture = new CoachingFixture("2027-01-05T12:00:00Z");
        fixture.Publisher.RoleAnswers.Enqueue(new RoleGrantResult(RoleGrantOutcome.Refused, "Discord 403 (50013): Missing Permissions"));
        await fixture.AskAsync("done", "ada", ("day", "1"));
        await fixture.AskAsync("done", "ada", ("day", "2"));

        fixture.Cohorts.Upsert(fixture.Cohort with { MilestoneRoleId = "role-2" });
        await fixture.AskAsync("done", "bob", ("day", "1"));
        await fixture.AskAsync("done", "bob", ("day", "2"));
        var status = await fixture.AskAsync("status");

        Assert.Equal(("bob", "role-2"), Assert.Single(fixture.Publisher.Roles));
        Assert.DoesNotContain(status.Fields[0].Value.Lines, line => line.PlainText.StartsWith('⚠'));
    }

    [Fact]
    public async Task Milestones_BadState_SaysSo()
    {
        var fixture = new CoachingFixture();

        var reply = await fixture.AskAsync("milestones", "ada", ("state", "maybe"));

        Assert.Equal("“maybe” is neither on nor off.", CoachingFixture.TextOf(reply));
    }
}
