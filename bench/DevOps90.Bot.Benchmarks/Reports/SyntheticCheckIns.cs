using System.Runtime.CompilerServices;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Benchmarks.Reports;

/// <summary>
/// Export rows made on the fly, one new <see cref="CheckInRow"/> each as the real export makes them, so a writer is
/// timed on the work it adds and not on reading a list: 90 days of a Europe/Paris cohort (crossing the March clock
/// change), members "m0000001"..., a tenth late.
/// </summary>
internal static class SyntheticCheckIns
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateOnly Start = new(2027, 1, 4);

    public static async IAsyncEnumerable<CheckInRow> RowsAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var members = Math.Max(1, count / 90);
        var ids = Enumerable.Range(0, members).Select(member => $"m{member:D7}").ToArray();
        var lessonDates = Enumerable.Range(0, 91).Select(day => Start.AddDays(day - 1)).ToArray();
        var utcOffsets = lessonDates.Select(date => Paris.GetUtcOffset(date.ToDateTime(new TimeOnly(18, 0)))).ToArray();
        for (var index = 0; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var day = index / members % 90 + 1;
            var member = index % members;
            var late = member % 10 == 3;
            var local = new DateTimeOffset(lessonDates[day].ToDateTime(new TimeOnly(18, 30)).AddMinutes(member % 300).AddDays(late ? 2 : 0), utcOffsets[day]);
            yield return new CheckInRow("scale", ids[member], day, lessonDates[day], local.ToUniversalTime(), local, late);
            // A real reader awaits the database now and then; yielding here would only time the thread pool.
            if (index % 100_000 == 0)
            {
                await Task.CompletedTask.ConfigureAwait(false);
            }
        }
    }
}
