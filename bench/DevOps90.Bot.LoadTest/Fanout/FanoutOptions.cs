using System.Globalization;

namespace DevOps90.Bot.LoadTest.Fanout;

/// <summary>
/// fanout BOTDIR WORKDIR [--cohorts 1000] [--latency-ms 300] [--lead 60] [--label after]. BOTDIR is a copy of the
/// bot's build output that this run may add a settings file to (never the build output itself: bench/fanout-load.sh
/// makes a hard-linked copy). WORKDIR takes the host's data and log. The cohorts' post time is the first whole minute
/// at least --lead seconds away, which must leave the host time to start and schedule them all.
/// </summary>
internal sealed record FanoutOptions(string BotDirectory, string WorkDirectory)
{
    public int Cohorts { get; init; } = 1000;

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan Lead { get; init; } = TimeSpan.FromSeconds(60);

    public string Label { get; init; } = "run";

    public static FanoutOptions? Parse(string bot, string work, ReadOnlySpan<string> rest, TextWriter errors)
    {
        var options = new FanoutOptions(bot, work);
        for (var i = 0; i < rest.Length; i += 2)
        {
            var value = i + 1 < rest.Length ? rest[i + 1] : null;
            var number = int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (int?)null;
            options = (rest[i], value, number) switch
            {
                ("--cohorts", _, { } count) => options with { Cohorts = count },
                ("--latency-ms", _, { } milliseconds) => options with { Latency = TimeSpan.FromMilliseconds(milliseconds) },
                ("--lead", _, { } seconds) => options with { Lead = TimeSpan.FromSeconds(seconds) },
                ("--label", { } label, _) => options with { Label = label },
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
