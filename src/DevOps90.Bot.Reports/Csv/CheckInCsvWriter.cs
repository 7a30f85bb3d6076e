using System.Globalization;
using CsvHelper;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Reports.Csv;

/// <summary>
/// Writes check-ins as RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): UTF-8 without a byte order mark, CRLF
/// line ends, fields quoted by CsvHelper when they hold a comma, a quote or a line break.
/// </summary>
/// <remarks>
/// Rows go straight from the enumeration into CsvHelper's 64 KiB UTF-8 buffer, which goes to the stream whenever it is
/// mostly full, so a million-row export holds one row and one buffer at a time. Every field is written with a typed
/// <c>WriteField</c> overload and a constant format: CsvHelper formats numbers and dates into its buffer as UTF-8,
/// without a string per field.
/// </remarks>
public sealed class CheckInCsvWriter : ICheckInCsvWriter
{
    private const string LessonDateFormat = "yyyy-MM-dd";

    // ISO 8601: UTC with a Z, local time with its offset (+01:00, +02:00 in Paris summer time).
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private static readonly string[] Header = ["cohort", "member_id", "day", "lesson_date", "checked_in_utc", "checked_in_local", "late"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        TrueValue = "true",
        FalseValue = "false",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
        // Ids are platform ids and configured cohort ids, not text members type; escaping a leading '-' or '=' would
        // change the id a moderator looks up, so values are written exactly as they are.
        Injection = CsvInjection.None,
    };

    public async Task<long> WriteAsync(IAsyncEnumerable<CheckInRow> rows, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);

        var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.WriteHeader(Header);
            long count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                csv.WriteField(row.CohortId);
                csv.WriteField(row.MemberId);
                csv.WriteField(row.Day);
                csv.WriteField(row.LessonDate, LessonDateFormat);
                csv.WriteField(row.CheckedInUtc.UtcDateTime, UtcFormat);
                csv.WriteField(row.CheckedInLocal, LocalFormat);
                csv.WriteField(row.IsLate);
                // Writes the buffer out, without blocking, only when it is mostly full.
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }
}
