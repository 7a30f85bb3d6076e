using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace DevOps90.Bot.Benchmarks.Participation;

/// <summary>
/// One 90-day cohort (Europe/Paris, daily from Monday 4 January 2027, so it crosses the March clock change) whose
/// members check in the way real ones do: most every evening, some skipping days, some catching up several days late
/// at once, some stopping part-way. Members are added until the cohort holds <see cref="CheckIns"/> check-ins.
/// Deterministic for the seed.
/// </summary>
internal static class ScaleCohort
{
    public const int CheckIns = 900_000;
    public const int Days = 90;

    public static readonly CohortId Id = new("scale");

    public static Cohort Cohort { get; } = new()
    {
        Id = Id,
        CurriculumId = "2022",
        StartDate = new DateOnly(2027, 1, 4),
        TimeZoneId = "Europe/Paris",
        PostTime = new TimeOnly(18, 0),
    };

    /// <summary>21:00 in Paris on Saturday 3 April: day 90, the last, in the week that began on Monday 29 March.</summary>
    /// <summary>Where the participation verb generates the cohort once; the reports verb reads it too.</summary>
    public static string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "devops90-bench", "participation-v1.db");

    public static DateTimeOffset Now { get; } = DateTimeOffset.Parse("2027-04-03T19:00:00Z", CultureInfo.InvariantCulture);

    public static DailyPostService Delivery(TimeProvider time)
    {
        var sample = SampleCurriculum.Make("en", 6);
        var curriculum = sample with { Lessons = [.. Enumerable.Range(1, Days).Select(day => sample.Lessons[0] with { Day = day, PreviousDay = day > 1 ? day - 1 : null, NextDay = day < Days ? day + 1 : null })] };
        var index = new CurriculumIndex([curriculum]);
        return new DailyPostService(
            new InMemoryCohortDirectory([Cohort]), index, new InMemoryDeliveryLedger(), [], new DailyPostComposer(index, new BotDefaults("2022", "en", "Europe/Paris")), new DeliveryOptions(), time);
    }

    /// <summary>Writes the cohort into a migrated SQLite database; returns how many members it has.</summary>
    public static int Write(string connectionString, int seed = 90)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO check_ins (cohort_id, member_id, day, at, late) VALUES ($cohort, $member, $day, $at, $late)";
        insert.Parameters.AddWithValue("$cohort", Id.Value);
        var member = insert.Parameters.Add("$member", SqliteType.Text);
        var day = insert.Parameters.Add("$day", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var late = insert.Parameters.Add("$late", SqliteType.Integer);
        var members = 0;
        foreach (var row in Rows(seed))
        {
            members = row.Member + 1;
            member.Value = MemberId(row.Member);
            day.Value = row.Day;
            at.Value = row.At;
            late.Value = row.Late ? 1 : 0;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return members;
    }

    /// <summary>Writes the cohort into a migrated PostgreSQL database (binary COPY); returns how many members it has.</summary>
    public static async Task<int> WriteAsync(NpgsqlDataSource database, int seed = 90)
    {
        await using var connection = await database.OpenConnectionAsync().ConfigureAwait(false);
        var members = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY check_ins (cohort_id, member_id, day, at, late) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var row in Rows(seed))
            {
                members = row.Member + 1;
                await copy.StartRowAsync().ConfigureAwait(false);
                await copy.WriteAsync(Id.Value, NpgsqlDbType.Text).ConfigureAwait(false);
                await copy.WriteAsync(MemberId(row.Member), NpgsqlDbType.Text).ConfigureAwait(false);
                await copy.WriteAsync(row.Day, NpgsqlDbType.Integer).ConfigureAwait(false);
                await copy.WriteAsync(row.At, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await copy.WriteAsync(row.Late ? 1 : 0, NpgsqlDbType.Integer).ConfigureAwait(false);
            }

            await copy.CompleteAsync().ConfigureAwait(false);
        }

        // Statistics for the planner, and the visibility map that lets it answer from the indexes alone. FREEZE:
        // the throwaway server commits asynchronously, and a plain VACUUM this soon after the load marks only some
        // pages all-visible (the commit is not flushed yet); a long-running bot's table is in the vacuumed state.
        await using var vacuum = new NpgsqlCommand("VACUUM (FREEZE, ANALYZE) check_ins", connection);
        await vacuum.ExecuteNonQueryAsync().ConfigureAwait(false);
        return members;
    }

    /// <summary>The check-ins, member after member (numbered from 0), until there are <see cref="CheckIns"/>.</summary>
    private static IEnumerable<(int Member, int Day, long At, bool Late)> Rows(int seed)
    {
        var random = new Random(seed);
        var written = 0;
        for (var member = 0; written < CheckIns; member++)
        {
            foreach (var (lessonDay, instant, isLate) in Member(random).TakeWhile(_ => written < CheckIns))
            {
                // Nobody checks in after "now" (a night owl's day 90).
                yield return (member, lessonDay, Math.Min(instant.ToUnixTimeMilliseconds(), Now.AddMinutes(-1).ToUnixTimeMilliseconds()), isLate);
                written++;
            }
        }
    }

    private static string MemberId(int member) => (300_000_000_000_000_000L + (member * 7_919_104_729L)).ToString(CultureInfo.InvariantCulture);

    // 40% steady, 25% skip about one day in twelve, 15% fall behind and catch up late, 20% stop between day 5 and 85.
    private static IEnumerable<(int Day, DateTimeOffset At, bool Late)> Member(Random random)
    {
        var kind = random.NextDouble();
        var skip = kind < 0.40 ? 0.0 : kind < 0.65 ? 0.08 : kind < 0.80 ? 0.0 : 0.05;
        var stopAfter = kind >= 0.80 ? random.Next(5, 86) : Days;
        var catchUp = kind is >= 0.65 and < 0.80;
        // A tenth are night owls who check in after midnight (the grace cutoff keeps it the evening before).
        var evening = random.NextDouble() < 0.1 ? random.Next(5 * 60, 9 * 60) : random.Next(0, 3 * 60);
        var behind = new List<int>();
        for (var lessonDay = 1; lessonDay <= stopAfter; lessonDay++)
        {
            if (random.NextDouble() < skip)
            {
                continue;
            }

            if (catchUp && (behind.Count > 0 || random.NextDouble() < 0.06))
            {
                behind.Add(lessonDay);
                if (behind.Count < random.Next(2, 7) && lessonDay < stopAfter)
                {
                    continue;
                }

                var when = At(lessonDay, evening + random.Next(0, 60));
                foreach (var missed in behind)
                {
                    yield return (missed, when, missed < lessonDay);
                }

                behind.Clear();
                continue;
            }

            yield return (lessonDay, At(lessonDay, evening + random.Next(-30, 90)), false);
        }
    }

    // A lesson day's local date at 18:00 plus some minutes (past midnight sometimes), as an instant.
    private static DateTimeOffset At(int lessonDay, int minutesAfterSix)
    {
        var six = Cohort.StartDate.AddDays(lessonDay - 1).ToDateTime(new TimeOnly(18, 0));
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(six, Cohort.TimeZone), TimeSpan.Zero).AddMinutes(minutesAfterSix);
    }
}
