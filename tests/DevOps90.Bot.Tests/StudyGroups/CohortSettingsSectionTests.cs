using System.Text.Json;
using DevOps90.Bot.StudyGroups;
using Microsoft.Extensions.Configuration;

namespace DevOps90.Bot.Tests.StudyGroups;

/// <summary>The "Cohorts" section read key by key gives what the configuration binder gives, from every kind of source.</summary>
public sealed class CohortSettingsSectionTests
{
    [Fact]
    public void Read_SettingsFileAndOverrides_SameItemsAsTheBinder()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cohorts:0:Id"] = "paris",
                ["Cohorts:0:StartDate"] = "2027-01-01",
                ["Cohorts:0:TimeZone"] = "Europe/Paris",
                ["Cohorts:0:PostTime"] = "07:30",
                ["Cohorts:0:SkippedDates:0"] = "2027-01-10",
                ["Cohorts:0:SkippedDates:1"] = "2027-01-11",
                ["Cohorts:0:LeaderboardMessage"] = "true",
                ["Cohorts:0:Moderators:0"] = "role:1234",
                ["Cohorts:1:Id"] = "evening",
                ["Cohorts:1:Language"] = "",
                ["Cohorts:1:Page"] = "False",
                ["Cohorts:2:Id"] = "third",
                ["Cohorts:10:Id"] = "eleventh",
                ["Other:0:Id"] = "not a cohort",
            })
            // A later source overrides one value and adds to a list, as an environment variable would.
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cohorts:1:PostTime"] = "21:00", ["Cohorts:1:Moderators:0"] = "42" })
            .Build();

        var read = CohortSettingsSection.Read(configuration);
        var bound = configuration.Get<CohortList>()!.Cohorts;

        Assert.Equal(["paris", "evening", "third", "eleventh"], read.Select(item => item.Id));
        Assert.Equal(JsonSerializer.Serialize(bound), JsonSerializer.Serialize(read));
    }

    [Fact]
    public void Read_AFlagThatIsNotABoolean_NamesItsKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cohorts:0:Id"] = "paris", ["Cohorts:0:Page"] = "yes" })
            .Build();

        var error = Assert.Throws<StartupSettingException>(() => CohortSettingsSection.Read(configuration));

        Assert.Equal("Cohorts:0:Page: 'yes' is neither true nor false", error.Message);
    }

    [Fact]
    public void Read_AWholeNumberThatIsNot_NamesItsKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cohorts:0:Id"] = "paris", ["Cohorts:0:FreezeEvery"] = "seven" })
            .Build();

        var error = Assert.Throws<StartupSettingException>(() => CohortSettingsSection.Read(configuration));

        Assert.Equal("Cohorts:0:FreezeEvery: 'seven' is not a whole number", error.Message);
    }
}
