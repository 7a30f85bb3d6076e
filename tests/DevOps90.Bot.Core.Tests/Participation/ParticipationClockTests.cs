using DevOps90.Bot.Core.Participation;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

public sealed class ParticipationClockTests
{
    [Theory]
    [InlineData("Europe/Paris", "2027-01-04", "2027-01-03T23:00:00Z")]
    [InlineData("Europe/Paris", "2027-03-29", "2027-03-28T22:00:00Z")]
    // Sao Paulo's clocks jumped from midnight to 01:00 on 4 November 2018: the day began at 01:00 local.
    [InlineData("America/Sao_Paulo", "2018-11-04", "2018-11-04T03:00:00Z")]
    public void StartOf_LocalDate_IsTheFirstInstantOfThatDateInTheZone(string zone, string date, string expected)
    {
        var start = ParticipationClock.StartOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(At(expected), start);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1), ParticipationClock.LocalDate(start.AddMilliseconds(-1), TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }
}
