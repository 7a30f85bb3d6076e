using System.Globalization;
using CsvHelper;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Benchmarks.Reports;

/// <summary>
/// The other ways CheckInCsvWriter could have been written, timed beside it: CsvHelper's record path with a record
/// writer for <see cref="CheckInRow"/> (what a generated writer does), and formatting each field to a string first.
/// </summary>
internal static class CsvWriterVariants
{
    private static readonly string[] Header = ["cohort", "member_id", "day", "lesson_date", "checked_in_utc", "checked_in_local", "late"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        TrueValue = "true",
        FalseValue = "false",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static async Task<long> RecordWriterAsync(IAsyncEnumerable<CheckInRow> rows, Stream output)
    {
        var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordsAsync(rows, new RowWriter()).ConfigureAwait(false);
            await csv.FlushAsync().ConfigureAwait(false);
            return csv.RecordCount - 1;
        }
    }

    public static async Task<long> StringsAsync(IAsyncEnumerable<CheckInRow> rows, Stream output)
    {
        var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.WriteHeader(Header);
            long count = 0;
            await foreach (var row in rows.ConfigureAwait(false))
            {
                csv.WriteField(row.CohortId);
                csv.WriteField(row.MemberId);
                csv.WriteField(row.Day.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.LessonDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(row.CheckedInUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                csv.WriteField(row.CheckedInLocal.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                csv.WriteField(row.IsLate ? "true" : "false");
                await csv.EndRecordAsync().ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync().ConfigureAwait(false);
            return count;
        }
    }

    private sealed class RowWriter : CsvRecordWriter<CheckInRow>
    {
        public override int FieldCount => Header.Length;

        public override void WriteHeader(CsvWriter writer)
        {
            foreach (var name in Header)
            {
                WriteColumnName(writer, name);
            }
        }

        public override void Write(CsvWriter writer, CheckInRow record)
        {
            writer.WriteField(record.CohortId);
            writer.WriteField(record.MemberId);
            writer.WriteField(record.Day);
            writer.WriteField(record.LessonDate, "yyyy-MM-dd");
            writer.WriteField(record.CheckedInUtc.UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss'Z'");
            writer.WriteField(record.CheckedInLocal, "yyyy-MM-dd'T'HH:mm:sszzz");
            writer.WriteField(record.IsLate);
        }
    }
}
