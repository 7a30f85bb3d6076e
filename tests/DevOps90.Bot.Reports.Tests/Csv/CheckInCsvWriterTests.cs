using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Csv;

namespace DevOps90.Bot.Reports.Tests.Csv;

public sealed class CheckInCsvWriterTests
{
    private const string Header = "cohort,member_id,day,lesson_date,checked_in_utc,checked_in_local,late,shared_url";

    // The UTF-8 byte order mark as a decoded string shows it: spreadsheets need it to read accents as UTF-8.
    private const string Bom = "\uFEFF";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private readonly CheckInCsvWriter _writer = new();

    [Fact]
    public async Task WriteAsync_NoRows_WritesTheHeaderLineOnly()
    {
        var (text, count) = await WriteAsync([]);

        Assert.Equal(Bom + Header + "\r\n", text);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task WriteAsync_WinterAndSummerRows_FormatsEveryColumn()
    {
        // 18:30 in Paris: UTC+1 in January, UTC+2 (summer time) in June; a check-in without a scheduled lesson date.
        var winter = At(new DateTime(2027, 1, 2, 18, 30, 0));
        var summer = At(new DateTime(2027, 6, 15, 23, 5, 9));
        CheckInRow[] rows =
        [
            new("paris", "123456789012345678", 1, new DateOnly(2027, 1, 2), winter.ToUniversalTime(), winter, false),
            new("paris", "42", 90, new DateOnly(2027, 6, 14), summer.ToUniversalTime(), summer, true) { SharedUrl = "https://example.org/day-90?a=1,2" },
            new("paris", "42", 91, null, summer.ToUniversalTime(), summer, true),
        ];

        var (text, count) = await WriteAsync(rows);

        Assert.Equal(
            Bom + Header + "\r\n"
            + "paris,\"=\"\"123456789012345678\"\"\",1,2027-01-02,2027-01-02T17:30:00Z,2027-01-02T18:30:00+01:00,false,\r\n"
            + "paris,\"=\"\"42\"\"\",90,2027-06-14,2027-06-15T21:05:09Z,2027-06-15T23:05:09+02:00,true,\"https://example.org/day-90?a=1,2\"\r\n"
            + "paris,\"=\"\"42\"\"\",91,,2027-06-15T21:05:09Z,2027-06-15T23:05:09+02:00,true,\r\n",
            text);
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task WriteAsync_UtcGivenWithAnOffset_WritesItInUtc()
    {
        var local = At(new DateTime(2027, 1, 2, 18, 30, 0));

        var (text, _) = await WriteAsync([new("paris", "1", 1, null, local, local, false)]);

        Assert.Contains(",2027-01-02T17:30:00Z,2027-01-02T18:30:00+01:00,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_IdsWithCommaQuoteAndLineBreaks_ReadBackIdentical()
    {
        var local = At(new DateTime(2027, 1, 2, 18, 30, 0));
        const string Member = "Zoé, \"the\" tester\r\nline two\nthree";
        const string Cohort = "co,hort";

        var (text, _) = await WriteAsync([new(Cohort, Member, 7, new DateOnly(2027, 1, 8), local.ToUniversalTime(), local, false)]);

        Assert.Contains("\"Zoé, \"\"the\"\" tester\r\nline two\nthree\"", text, StringComparison.Ordinal);
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions());
        Assert.Equal(Header.Split(','), reader.Headers);
        Assert.True(reader.Read());
        Assert.Equal(Cohort, reader.GetString("cohort"));
        Assert.Equal(Member, reader.GetString("member_id"));
        Assert.Equal("7", reader.GetString("day"));
        Assert.Equal("false", reader.GetString("late"));
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("123456789012345678", "\"=\"\"123456789012345678\"\"\"")]
    [InlineData("0042", "\"=\"\"0042\"\"\"")]
    [InlineData("ada", "ada")]
    public async Task WriteAsync_AllDigitIds_AreWrittenAsTextFormulasThatSpreadsheetsKeepExact(string id, string field)
    {
        var local = At(new DateTime(2027, 1, 2, 18, 30, 0));

        var (text, _) = await WriteAsync([new(id, id, 1, null, local, local, false)]);

        Assert.StartsWith($"{Bom}{Header}\r\n{field},{field},1,", text, StringComparison.Ordinal);
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions());
        Assert.True(reader.Read());
        Assert.Equal(id.All(char.IsAsciiDigit) ? $"=\"{id}\"" : id, reader.GetString("member_id"));
    }

    [Fact]
    public async Task WriteAsync_NonAsciiText_IsUtf8WithAByteOrderMark()
    {
        var local = At(new DateTime(2027, 1, 2, 18, 30, 0));
        using var output = new MemoryStream();

        await _writer.WriteAsync(Async([new("café", "zoé", 1, null, local, local, false)]), output);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'c'], bytes[..4]);
        Assert.Contains("\r\ncafé,zoé,1,", new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ManyRows_WritesEarlyRowsBeforeTheLastOneIsRead()
    {
        using var output = new MemoryStream();
        var seenBeforeEnd = -1L;

        var count = await _writer.WriteAsync(RowsWatchingAsync(output, 20_000, length => seenBeforeEnd = length), output);

        Assert.Equal(20_000, count);
        // The writer buffers 64 KiB at most: by the last row, well over a megabyte must have reached the stream.
        Assert.True(seenBeforeEnd > 1_000_000, $"{seenBeforeEnd} bytes written before the last row");
        Assert.True(output.Length > seenBeforeEnd);
    }

    [Fact]
    public async Task WriteAsync_Done_LeavesTheStreamOpenAndFlushed()
    {
        var local = At(new DateTime(2027, 1, 2, 18, 30, 0));
        using var output = new MemoryStream();
        output.Write("prefix\n"u8);

        await _writer.WriteAsync(Async([new("c", "m", 1, null, local, local, true)]), output);

        Assert.True(output.CanWrite);
        output.Write("after"u8);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("prefix\n" + Bom + Header + "\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith(",true,\r\nafter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Canceled_Throws()
    {
        using var output = new MemoryStream();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _writer.WriteAsync(RowsWatchingAsync(output, 10, _ => { }), output, cancellation.Token));
    }

    private static DateTimeOffset At(DateTime parisTime) => new(parisTime, Paris.GetUtcOffset(parisTime));

    private async Task<(string Text, long Count)> WriteAsync(CheckInRow[] rows)
    {
        using var output = new MemoryStream();
        var count = await _writer.WriteAsync(Async(rows), output);
        return (Encoding.UTF8.GetString(output.ToArray()), count);
    }

    private static async IAsyncEnumerable<CheckInRow> Async(IEnumerable<CheckInRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    // Reports how many bytes the stream holds just before the last row is handed out.
    private static async IAsyncEnumerable<CheckInRow> RowsWatchingAsync(Stream output, int count, Action<long> beforeLast, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var local = At(new DateTime(2027, 1, 2, 18, 30, 0));
        for (var index = 1; index <= count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (index == count)
            {
                beforeLast(output.Length);
            }

            await Task.Yield();
            yield return new CheckInRow("cohort", $"member-{index:D8}", index % 90 + 1, new DateOnly(2027, 1, 2), local.ToUniversalTime(), local, index % 10 == 0);
        }
    }
}
