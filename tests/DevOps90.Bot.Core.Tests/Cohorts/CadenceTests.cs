using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Tests.Cohorts;

public sealed class CadenceTests
{
    [Theory]
    [InlineData("daily", "daily")]
    [InlineData("Weekdays", "weekdays")]
    [InlineData("mon,wed,fri", "mon,wed,fri")]
    [InlineData("Monday, Wednesday", "mon,wed")]
    [InlineData("lundi mercredi vendredi", "mon,wed,fri")]
    [InlineData("sam,dim", "sun,sat")]
    public void TryParse_KnownSpellings_Parse(string text, string expected)
    {
        Assert.True(Cadence.TryParse(text, out var cadence));
        Assert.Equal(expected, cadence.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("fortnightly")]
    [InlineData("mon,xyz")]
    public void TryParse_Nonsense_IsRefused(string text)
    {
        Assert.False(Cadence.TryParse(text, out _));
    }

    [Fact]
    public void Weekdays_IncludesMondayToFriday()
    {
        Assert.True(Cadence.Weekdays.Includes(DayOfWeek.Friday));
        Assert.False(Cadence.Weekdays.Includes(DayOfWeek.Saturday));
        Assert.Equal(Cadence.Weekdays, Cadence.On(DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday));
    }
}
