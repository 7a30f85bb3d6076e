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

    [Theory]
    [InlineData("Europe/Paris", "2027-03-27", "2027-03-27T03:00:00Z")]
    // The night of 28 March 2027 loses an hour in Paris: that lesson day's window opens at 04:00 summer time.
    [InlineData("Europe/Paris", "2027-03-28", "2027-03-28T02:00:00Z")]
    [InlineData("America/New_York", "2027-11-07", "2027-11-07T09:00:00Z")]
    public void StudyStartOf_Date_IsTheGraceCutoffOfThatMorning(string zone, string date, string expected)
    {
        var cohort = Cohort("2027-01-04", zone);

        var start = ParticipationClock.StudyStartOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), cohort, ParticipationClock.DefaultGraceCutoff);

        Assert.Equal(At(expected), start);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1), ParticipationClock.StudyDate(cohort, start.AddMilliseconds(-1), ParticipationClock.DefaultGraceCutoff));
    }
}
