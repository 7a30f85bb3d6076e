using DevOps90.Bot.Core.Posts;
using static DevOps90.Bot.Core.Tests.Cohorts.Cohorts;

namespace DevOps90.Bot.Core.Tests.Posts;

public sealed class ZonedTimeTests
{
    [Theory]
    [InlineData("Europe/Paris", "2027-03-27", "18:00", "2027-03-27T17:00:00Z")]
    [InlineData("Europe/Paris", "2027-03-28", "18:00", "2027-03-28T16:00:00Z")]
    [InlineData("Europe/Paris", "2027-10-31", "18:00", "2027-10-31T17:00:00Z")]
    [InlineData("Europe/Paris", "2027-03-28", "02:30", "2027-03-28T01:00:00Z")]
    [InlineData("Europe/Paris", "2027-10-31", "02:30", "2027-10-31T00:30:00Z")]
    [InlineData("America/New_York", "2027-03-13", "18:00", "2027-03-13T23:00:00Z")]
    [InlineData("America/New_York", "2027-03-14", "18:00", "2027-03-14T22:00:00Z")]
    [InlineData("America/New_York", "2027-03-14", "02:30", "2027-03-14T07:00:00Z")]
    [InlineData("America/New_York", "2027-11-07", "01:30", "2027-11-07T05:30:00Z")]
    public void ToInstant_LocalPostTime_KeepsTheLocalHourAcrossChanges(string zone, string date, string time, string expected)
    {
        var instant = ZonedTime.ToInstant(D(date), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }
}
