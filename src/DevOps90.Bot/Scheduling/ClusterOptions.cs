using System.ComponentModel.DataAnnotations;
using DevOps90.Bot.Core;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// The "Cluster" section: how several bot instances on one PostgreSQL database share the schedules (Quartz's
/// clustered store) and follow each other's cohort changes. On SQLite, which serves one instance, only
/// <see cref="CohortResyncInterval"/> is used, and finds nothing to catch up with.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>How often each instance records in the database that it is alive.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How late an instance's check-in may be before the others take it for dead and take over its schedules (a
    /// dead instance's schedules move after about the interval plus this).
    /// </summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often each instance compares its cohorts' versions with the database's, besides following the changes the
    /// others announce at once: what catches up with an announcement lost in a dropped connection.
    /// </summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan CohortResyncInterval { get; set; } = TimeSpan.FromSeconds(30);
}
