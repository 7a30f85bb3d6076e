using System.Globalization;
using CsvHelper;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Reports.Csv;

/// <summary>
/// Writes check-ins as RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): UTF-8 with a byte order mark, CRLF
/// line ends, fields quoted by CsvHelper when they hold a comma, a quote or a line break.
/// </summary>
/// <remarks>
/// For spreadsheets, which are what moderators open exports with: without the byte order mark Excel reads the file as
/// the system's code page and garbles accents; and an id made only of digits (a Discord id has 17 to 20) would be
/// read as a number and rounded to 15 significant digits (123456789012345678 becomes 123456789012345000) or lose its
/// leading zeros. Quoting alone does not stop that (Excel and LibreOffice ignore quotes when guessing types), nor is
/// there a per-column type in CSV; so such an id is written as the text formula <c>="123456789012345678"</c>, which
/// Excel, LibreOffice and Google Sheets all show as the exact text. In the file it is the RFC 4180 field
/// <c>"=""123456789012345678"""</c>; a program reading the CSV takes the text between <c>="</c> and <c>"</c>. Only
/// all-digit ids are wrapped, so the wrapper never holds anything but digits, and other values are written as they
/// are (<c>console</c>, <c>ada</c>).
/// </remarks>
/// <remarks>
/// Speed: rows go straight from the enumeration into CsvHelper's 64 KiB UTF-8 buffer, which goes to the stream whenever it is
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

    // Longer digit strings are not ids; they are written as they are.
    private const int MaxWrappedId = 64;

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly string[] Header = ["cohort", "member_id", "day", "lesson_date", "checked_in_utc", "checked_in_local", "late", "shared_url"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        TrueValue = "true",
        FalseValue = "false",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
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
                WriteId(csv, row.CohortId);
                WriteId(csv, row.MemberId);
                csv.WriteField(row.Day);
                csv.WriteField(row.LessonDate, LessonDateFormat);
                csv.WriteField(row.CheckedInUtc.UtcDateTime, UtcFormat);
                csv.WriteField(row.CheckedInLocal, LocalFormat);
                csv.WriteField(row.IsLate);
                // A member's link, always http(s): it cannot start a formula.
                csv.WriteField(row.SharedUrl ?? "");
                // Writes the buffer out, without blocking, only when it is mostly full.
                await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>An all-digit id as <c>="…"</c> (see the remarks above), built on the stack; any other id as it is.</summary>
    private static void WriteId(CsvWriter csv, string id)
    {
        if (id.Length == 0 || id.Length > MaxWrappedId || id.AsSpan().ContainsAnyExcept(Digits))
        {
            csv.WriteField(id);
            return;
        }

        Span<char> wrapped = stackalloc char[MaxWrappedId + 3];
        wrapped[0] = '=';
        wrapped[1] = '"';
        id.AsSpan().CopyTo(wrapped[2..]);
        wrapped[id.Length + 2] = '"';
        csv.WriteField(wrapped[..(id.Length + 3)]);
    }
}
