namespace DevOps90.Bot.Core.Reports;

/// <summary>
/// One exported check-in: who did which lesson day, when (UTC and the cohort's local time, ISO 8601), and whether it
/// was late (made after that lesson's day had passed).
/// </summary>
public sealed record CheckInRow(string CohortId, string MemberId, int Day, DateOnly? LessonDate, DateTimeOffset CheckedInUtc, DateTimeOffset CheckedInLocal, bool IsLate)
{
    /// <summary>The link the member shared that day with <c>/share</c>, if they did.</summary>
    public string? SharedUrl { get; init; }
}

/// <summary>Writes check-ins as RFC 4180 CSV with a header line (reports implement it).</summary>
public interface ICheckInCsvWriter
{
    /// <summary>Writes every row as it comes, without holding them; returns how many rows were written.</summary>
    Task<long> WriteAsync(IAsyncEnumerable<CheckInRow> rows, Stream output, CancellationToken cancellationToken = default);
}
