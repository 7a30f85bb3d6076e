using DevOps90.Bot.Scheduling;
using DevOps90.Bot.StudyGroups;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>The attribute checks of the settings, now code generated at build time rather than read by reflection.</summary>
public sealed class SchedulingOptionsValidationTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.True(new SchedulingOptionsAttributeValidator().Validate(null, new SchedulingOptions()).Succeeded);
        Assert.True(new ClusterOptionsAttributeValidator().Validate(null, new ClusterOptions()).Succeeded);
        Assert.True(new BotOptionsAttributeValidator().Validate(null, new BotOptions()).Succeeded);
    }

    [Fact]
    public void Validate_DurationOutsideItsRange_FailsNamingItAndTheRange()
    {
        var result = new SchedulingOptionsAttributeValidator().Validate(null, new SchedulingOptions { ReconcileInterval = TimeSpan.FromSeconds(1), MaxAttempts = 0 });

        Assert.True(result.Failed);
        Assert.Contains("ReconcileInterval must be between 00:00:05 and 1.00:00:00", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClusterCheckinAboveItsRange_Fails()
    {
        var result = new ClusterOptionsAttributeValidator().Validate(null, new ClusterOptions { CheckinInterval = TimeSpan.FromMinutes(11) });

        Assert.Contains("CheckinInterval must be between 00:00:01 and 00:10:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredLanguage_Fails()
    {
        Assert.Contains("DefaultLanguage", new BotOptionsAttributeValidator().Validate(null, new BotOptions { DefaultLanguage = "" }).FailureMessage, StringComparison.Ordinal);
    }
}
