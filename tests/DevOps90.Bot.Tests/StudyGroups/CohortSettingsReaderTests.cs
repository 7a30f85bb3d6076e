using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.StudyGroups;

namespace DevOps90.Bot.Tests.StudyGroups;

public sealed class CohortSettingsReaderTests
{
    [Fact]
    public void Read_CompleteSettings_BuildTheCohort()
    {
        var settings = new CohortSettings
        {
            Id = "paris",
            StartDate = "2027-01-04",
            TimeZone = "Europe/Paris",
            PostTime = "07:30",
            PostTiming = "SameDay",
            Cadence = "weekdays",
            SkippedDates = ["2027-01-06"],
            PausedSince = "2027-02-01",
            Target = "discord:123456789012345678",
            MentionRole = "42",
        };

        var (cohorts, errors) = CohortSettingsReader.Read([settings], "2022");

        Assert.Empty(errors);
        var cohort = Assert.Single(cohorts);
        Assert.Equal("2022", cohort.CurriculumId);
        Assert.Equal(new TimeOnly(7, 30), cohort.PostTime);
        Assert.Equal(PostTiming.SameDay, cohort.PostTiming);
        Assert.Equal(Cadence.Weekdays, cohort.Cadence);
        Assert.Equal([new DateOnly(2027, 1, 6)], cohort.SkippedDates);
        Assert.True(cohort.IsPaused);
        Assert.Equal(new ChatTarget("discord", "123456789012345678"), cohort.Target);
    }

    [Fact]
    public void Read_BadValues_NameEveryKey()
    {
        var settings = new CohortSettings
        {
            Id = "",
            StartDate = "01/04/2027",
            TimeZone = "Paris",
            PostTime = "6pm",
            PostTiming = "Later",
            Cadence = "fortnightly",
            SkippedDates = ["2027-01-06", "soon"],
            Target = "nowhere",
        };

        var (cohorts, errors) = CohortSettingsReader.Read([new CohortSettings { Id = "ok", StartDate = "2027-01-01", TimeZone = "UTC" }, settings], "2022");

        Assert.Single(cohorts);
        Assert.Equal(
            ["Cohorts:1:Id", "Cohorts:1:StartDate", "Cohorts:1:TimeZone", "Cohorts:1:PostTime", "Cohorts:1:PostTiming", "Cohorts:1:Cadence", "Cohorts:1:SkippedDates:1", "Cohorts:1:Target"],
            errors.Select(error => error[..error.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData(101, 2, "Cohorts:0:FreezeEvery: must be a whole number from 0 (no streak freezes) to 100")]
    [InlineData(7, 11, "Cohorts:0:FreezeMax: must be a whole number from 0 (no streak freezes) to 10")]
    [InlineData(-1, 2, "Cohorts:0:FreezeEvery: must be a whole number from 0 (no streak freezes) to 100")]
    public void Read_FreezesOutOfRange_AreRefusedAsByCohort_NamingTheKey(int every, int max, string expected)
    {
        var settings = new CohortSettings { Id = "ok", StartDate = "2027-01-01", TimeZone = "UTC", FreezeEvery = every, FreezeMax = max };

        var (cohorts, errors) = CohortSettingsReader.Read([settings], "2022");

        Assert.Empty(cohorts);
        Assert.Equal(expected, Assert.Single(errors));
    }
}
