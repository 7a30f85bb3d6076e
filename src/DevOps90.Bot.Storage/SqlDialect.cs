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
