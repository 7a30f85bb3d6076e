using System.Data.Common;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Storage;

/// <summary>
/// The statements that must differ between engines, one subclass per engine (Sqlite/SqliteDialect.cs,
/// Postgres/PostgresDialect.cs); every other statement of the stores is shared SQL that both engines run as written.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgres"; the numbered migrations of a dialect live in Migrations/&lt;Name&gt;.</summary>
    public abstract string Name { get; }

    /// <summary>A condition that <paramref name="column"/> is one of the strings given as <paramref name="parameter"/>.</summary>
    internal abstract string IsOneOf(string column, string parameter);

    /// <summary>The value to bind to the parameter of <see cref="IsOneOf"/>.</summary>
    internal abstract object ListOf(IReadOnlyList<string> values);

    /// <summary>
    /// Per lesson window in the windows' order: its day, the check-ins of that day, and the members who checked in
    /// within it. (A query of the dialect's own: the windows travel in a shape each engine reads differently.)
    /// </summary>
    internal abstract Task<IEnumerable<LessonActivityRow>> LessonActivityAsync(
        DbConnection connection, CohortId cohort, IReadOnlyList<LessonWindow> windows, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="exception"/> is the index cohorts_created_one_per_channel refusing a second active
    /// created cohort for a channel (SQLite migration 014, PostgreSQL 008).
    /// </summary>
    internal abstract bool IsChannelTaken(DbException exception);

    internal const string OneCreatedCohortPerChannel = "cohorts_created_one_per_channel";

    /// <summary>
    /// Per member of @Cohort, the rows SqlParticipationStore ranks: member_id; n and last, the count and latest instant
    /// of the check-ins at or after @Since when <paramref name="period"/> (else of all of them, and members without
    /// one in the period may be left out); nle, lo and hi as <see cref="StreakAggregates"/> computes them.
    /// </summary>
    internal abstract string Standings(bool period);

    /// <summary>Per member of @Cohort: member_id, and last, the instant of the latest check-in.</summary>
    internal abstract string LastCheckIns { get; }

    /// <summary>One row: Today, the members with a check-in in [@TodayFrom, @TodayUntil); Week, at or after @WeekFrom.</summary>
    internal abstract string ActiveMembers { get; }

    /// <summary>
    /// Over a member's check-ins: how many days up to @Current (nle), the first day (lo), the last one up to @Current
    /// (hi); the streak follows from them when the days have no gap (SqlParticipationStore).
    /// </summary>
    internal const string StreakAggregates =
        "COUNT(CASE WHEN day <= @Current THEN 1 END) AS nle, MIN(day) AS lo, MAX(CASE WHEN day <= @Current THEN day END) AS hi";

    /// <summary>
    /// Tells the other instances that the cohort @Id was written, when the transaction it runs in commits; null where
    /// one process serves the database (see <see cref="Core.Cohorts.ICohortChangeFeed"/>).
    /// </summary>
    internal abstract string? SignalCohortChanged { get; }
}

internal sealed class LessonActivityRow
{
    public long Day { get; set; }

    public long CheckIns { get; set; }

    public long Active { get; set; }
}
