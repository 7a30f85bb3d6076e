using System.Globalization;

namespace DevOps90.Bot.LoadTest;

/// <summary>
/// slack-load URL SECRET | discord-load URL PRIVATE-KEY-HEX, then [--connections 64] [--duration 25s] [--warmup 1s]
/// [--rate 0] [--users 8] [--phase-file FILE --phase NAME]. A rate above 0 paces the connections to about that many
/// requests a second in all; 0 is flat out. The phase file is the one the ServerTimings hook reads: NAME while
/// measuring, idle after. The key is what signs the requests: Slack's signing secret, or Discord's Ed25519 private key.
/// </summary>
internal sealed record LoadOptions(Uri Url, string Key)
{
    public int Connections { get; init; } = 64;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>The same load before the measured window, for this process's own JIT and connections; not reported.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    public double Rate { get; init; }

    public int Users { get; init; } = 8;

    public string? PhaseFile { get; init; }

    public string Phase { get; init; } = "load";

    public static LoadOptions? Parse(string url, string key, ReadOnlySpan<string> rest, TextWriter errors)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            errors.WriteLine($"not an absolute URL: {url}");
            return null;
        }

        var options = new LoadOptions(uri, key);
        for (var i = 0; i < rest.Length; i += 2)
        {
            var value = i + 1 < rest.Length ? rest[i + 1] : null;
            options = (rest[i], value) switch
            {
                (_, null) => null,
                ("--connections", _) when int.TryParse(value, out var n) && n > 0 => options with { Connections = n },
                ("--duration", _) when Seconds(value) is { } d => options with { Duration = d },
                ("--warmup", _) when Seconds(value) is { } w => options with { Warmup = w },
                ("--rate", _) when double.TryParse(value, CultureInfo.InvariantCulture, out var r) && r >= 0 => options with { Rate = r },
                ("--users", _) when int.TryParse(value, out var u) && u is > 0 and < 1000 => options with { Users = u },
                ("--phase-file", _) => options with { PhaseFile = value },
                ("--phase", _) => options with { Phase = value },
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

    /// <summary>"25s", "500ms", "2m" or a number of seconds.</summary>
    private static TimeSpan? Seconds(string text)
    {
        var (number, unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };
        return double.TryParse(number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : null;
    }
}
