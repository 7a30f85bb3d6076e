using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

public sealed class ParticipationSummaryTests
{
    private static readonly Cohort _cohort = Cohort("2027-01-04");

    [Fact]
    public void Of_CheckIns_CountsActiveMembersPerDayAndTheInactive()
    {
        // Wednesday 6 January in Paris; the week began on Monday the 4th.
        CheckIn[] checkIns =
        [
            new(Id, "ada", 1, At("2027-01-04T19:00:00Z"), false),
            new(Id, "ada", 2, At("2027-01-05T19:00:00Z"), false),
            new(Id, "ada", 3, At("2027-01-06T19:00:00Z"), false),
            new(Id, "grace", 1, At("2027-01-04T20:00:00Z"), false),
            new(Id, "linus", 1, At("2026-12-30T20:00:00Z"), false),
        ];

        var summary = ParticipationSummaries.Of(_cohort, checkIns, new DateOnly(2027, 1, 6), currentDay: 3, inactiveDays: 2);

        Assert.Equal((1, 2, 3), (summary.ActiveToday, summary.ActiveThisWeek, summary.Members));
        Assert.Equal([(1, 3), (2, 1), (3, 1)], summary.PerDay);
        Assert.Equal(["grace", "linus"], summary.Inactive);
    }

    [Fact]
    public void Of_LocalMidnight_UsesTheCohortsDate()
    {
        // 23:30 UTC on the 5th is already the 6th in Paris.
        var summary = ParticipationSummaries.Of(_cohort, [new CheckIn(Id, "ada", 2, At("2027-01-05T23:30:00Z"), false)], new DateOnly(2027, 1, 6), 3, 3);

        Assert.Equal(1, summary.ActiveToday);
    }
}
