using System.Globalization;

namespace DevOps90.Bot.LoadTest.Fanout;

/// <summary>
/// fanout BOTDIR WORKDIR [--cohorts 1000] [--latency-ms 300] [--lead 60] [--label after] [--instances 1] [--postgres].
/// BOTDIR is a copy of the bot's build output that this run may add a settings file to (never the build output
/// itself: bench/fanout-load.sh makes a hard-linked copy). WORKDIR takes the bots' data and logs. The cohorts' post
/// time is the first whole minute at least --lead seconds away, which must leave the bots time to start and schedule
/// them all. Several instances share a PostgreSQL database (a new one on DEVOPS90_TEST_POSTGRES's server, or a
/// throwaway server's); --postgres puts a single instance there too instead of on SQLite.
/// </summary>
internal sealed record FanoutOptions(string BotDirectory, string WorkDirectory)
{
    public int Cohorts { get; init; } = 1000;

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan Lead { get; init; } = TimeSpan.FromSeconds(60);

    public string Label { get; init; } = "run";

    public int Instances { get; init; } = 1;

    public bool Postgres { get; init; }

    public bool OnPostgres => Postgres || Instances > 1;

    public static FanoutOptions? Parse(string bot, string work, ReadOnlySpan<string> rest, TextWriter errors)
    {
        var options = new FanoutOptions(bot, work);
        for (var i = 0; i < rest.Length; i += 2)
        {
            if (rest[i] == "--postgres")
            {
                options = options with { Postgres = true };
                i--;
                continue;
            }

            var value = i + 1 < rest.Length ? rest[i + 1] : null;
            var number = int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (int?)null;
            options = (rest[i], value, number) switch
            {
                ("--cohorts", _, { } count) => options with { Cohorts = count },
                ("--latency-ms", _, { } milliseconds) => options with { Latency = TimeSpan.FromMilliseconds(milliseconds) },
                ("--lead", _, { } seconds) => options with { Lead = TimeSpan.FromSeconds(seconds) },
                ("--label", { } label, _) => options with { Label = label },
                ("--instances", _, { } instances) => options with { Instances = instances },
                _ => null,
            };
            if (options is null)
            {
                errors.WriteLine($"bad option: {rest[i]} {value}");
                return null;
            }
        }

        return options;
    }
}
