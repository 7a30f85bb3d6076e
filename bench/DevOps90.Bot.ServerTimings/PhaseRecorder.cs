using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace DevOps90.Bot.ServerTimings;

/// <summary>
/// Records the duration of every request to one route (the Discord interactions endpoint unless
/// DEVOPS90_TIMINGS_ROUTE names another, such as /slack/commands), as ASP.NET Core measures it for
/// http.server.request.duration (from the first middleware to the end of the pipeline: Kestrel's socket and parsing
/// work excluded), into the current phase. The load script names the phase in FOLDER/phase; when the name changes,
/// the finished phase's percentiles and runtime counts are appended to FOLDER/timings.txt.
/// </summary>
internal static class PhaseRecorder
{
    /// <summary>The http.route tag of the Discord endpoint, which bench/interactions-load.sh measures.</summary>
    public const string DefaultRoute = "/discord/interactions";

    /// <summary>Enough for about 90 s at 11,000 requests/s; later requests of a phase are counted, not kept.</summary>
    private const int Capacity = 1 << 20;

    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(100);
    private static MeterListener? _listener;
    private static Timer? _timer;
    private static Phase _current = new("idle", keep: false);
    private static string _folder = "";
    private static string _route = DefaultRoute;

    public static void Start(string folder, string? route)
    {
        _folder = folder;
        _route = string.IsNullOrEmpty(route) ? DefaultRoute : route;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Name: "http.server.request.duration", Meter.Name: "Microsoft.AspNetCore.Hosting" })
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
        _timer = new Timer(_ => Poll(), null, _poll, _poll);
    }

    private static void OnDuration(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            // The route pattern, not the path: /slack/commands and /slack/interactions are told apart, query strings ignored.
            if (tag is { Key: "http.route", Value: string route } && string.Equals(route, _route, StringComparison.Ordinal))
            {
                _current.Add(seconds);
                return;
            }
        }
    }

    private static void Poll()
    {
        string name;
        try
        {
            name = File.ReadAllText(Path.Combine(_folder, "phase")).Trim();
        }
        catch (IOException)
        {
            return;
        }

        if (name.Length == 0 || name == _current.Name)
        {
            return;
        }

        var finished = Interlocked.Exchange(ref _current, new Phase(name, keep: name != "idle"));
        if (finished.Keep)
        {
            // Let requests that read the old phase finish writing into it.
            Thread.Sleep(50);
            File.AppendAllText(Path.Combine(_folder, "timings.txt"), finished.Report() + Environment.NewLine);
        }
    }

    private sealed class Phase(string name, bool keep)
    {
        private readonly double[] _seconds = new double[keep ? Capacity : 0];
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        private readonly TimeSpan _paused = GC.GetTotalPauseDuration();
        private readonly long _allocated = GC.GetTotalAllocatedBytes();
        private readonly TimeSpan _cpu = Environment.CpuUsage.TotalTime;
        private int _count;

        public string Name => name;

        public bool Keep => keep;

        public void Add(double seconds)
        {
            var index = Interlocked.Increment(ref _count) - 1;
            if (index < _seconds.Length)
            {
                _seconds[index] = seconds;
            }
        }

        public string Report()
        {
            var wall = Stopwatch.GetElapsedTime(_started);
            var count = Math.Min(Volatile.Read(ref _count), _seconds.Length);
            var sorted = _seconds.AsSpan(0, count);
            sorted.Sort();
            var perRequest = Math.Max(1, Volatile.Read(ref _count));
            var mean = 0.0;
            foreach (var value in sorted)
            {
                mean += value / count;
            }

            return string.Create(CultureInfo.InvariantCulture, $"""
                SERVER phase={name} n={Volatile.Read(ref _count)} p50_us={Micro(sorted, 0.50):F0} p90_us={Micro(sorted, 0.90):F0} p99_us={Micro(sorted, 0.99):F0} p999_us={Micro(sorted, 0.999):F0} max_us={(count > 0 ? sorted[^1] * 1e6 : 0):F0} mean_us={mean * 1e6:F0} wall_s={wall.TotalSeconds:F1} cpu_s={(Environment.CpuUsage.TotalTime - _cpu).TotalSeconds:F1} gc0={GC.CollectionCount(0) - _collections[0]} gc1={GC.CollectionCount(1) - _collections[1]} gc2={GC.CollectionCount(2) - _collections[2]} gc_pause_ms={(GC.GetTotalPauseDuration() - _paused).TotalMilliseconds:F0} alloc_kb_per_request={(GC.GetTotalAllocatedBytes() - _allocated) / 1024.0 / perRequest:F1} timers={Timer.ActiveCount} threads={ThreadPool.ThreadCount}
                """);
        }

        private static double Micro(Span<double> sorted, double quantile) =>
            sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)] * 1e6;
    }
}
