using System.Diagnostics;
using System.Globalization;

namespace DevOps90.Bot.LoadTest;

/// <summary>
/// A closed loop per connection: take the target's next request (each one new and signed now, since the host runs a
/// request id once), post it, read the whole reply, again. Latency runs from just before the request is built to the
/// end of the reply (signing included: about a microsecond for Slack's HMAC, tens for Discord's Ed25519); with --rate,
/// from the send, not from the slot the pacing planned (a late slot is not charged to the host). Prints a RESULT line
/// the load scripts read.
/// </summary>
internal sealed class ClosedLoopLoad(ILoadTarget target, LoadOptions options, TextWriter output)
{
    private static readonly TimeSpan _phaseSettle = TimeSpan.FromMilliseconds(300);

    private volatile bool _measuring;
    private volatile bool _stopping;

    public async Task<int> RunAsync()
    {
        using var sender = new LoadSender(options.Url, options.Connections);
        var workers = Enumerable.Range(0, options.Connections).Select(index => new Worker(index, target)).ToArray();
        var tasks = workers.Select(worker => Task.Run(() => LoopAsync(worker, sender))).ToArray();

        await Task.Delay(options.Warmup).ConfigureAwait(false);
        if (options.PhaseFile is { } phaseFile)
        {
            // The hook polls the file every 100 ms: its phase starts a little before this window, under the same load.
            await File.WriteAllTextAsync(phaseFile, options.Phase).ConfigureAwait(false);
            await Task.Delay(_phaseSettle).ConfigureAwait(false);
        }

        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        _measuring = true;
        await Task.Delay(options.Duration).ConfigureAwait(false);
        _measuring = false;
        var window = Stopwatch.GetElapsedTime(started);
        var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        if (options.PhaseFile is { } file)
        {
            await File.WriteAllTextAsync(file, "idle").ConfigureAwait(false);
        }

        _stopping = true;
        await Task.WhenAll(tasks).ConfigureAwait(false);
        Report(workers, window, cpuUsed);
        return 0;
    }

    private async Task LoopAsync(Worker worker, LoadSender sender)
    {
        var interval = options.Rate > 0 ? (long)(Stopwatch.Frequency * options.Connections / options.Rate) : 0;
        // Connections start at different points of the interval, so that paced requests do not arrive in bursts.
        var next = Stopwatch.GetTimestamp() + (interval * worker.Index / options.Connections);
        for (var n = worker.Index * 37; !_stopping; n++)
        {
            if (interval > 0)
            {
                next = await PaceAsync(next, interval).ConfigureAwait(false);
            }

            var started = Stopwatch.GetTimestamp();
            var request = target.Next(worker.Index, n);
            int status;
            byte[] reply;
            try
            {
                (status, reply) = await sender.SendAsync(request).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                if (_measuring)
                {
                    worker.Errors++;
                }

                continue;
            }

            if (_measuring)
            {
                worker.Record(Stopwatch.GetTimestamp() - started, status, reply);
            }
        }
    }

    /// <summary>Waits for the slot at <paramref name="next"/>; a connection more than a slot late starts afresh rather than bursting.</summary>
    private static async Task<long> PaceAsync(long next, long interval)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
        if (wait >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait).ConfigureAwait(false);
        }
        else if (wait < -TimeSpan.FromTicks(interval * TimeSpan.TicksPerSecond / Stopwatch.Frequency))
        {
            next = Stopwatch.GetTimestamp();
        }

        return next + interval;
    }

    private void Report(Worker[] workers, TimeSpan window, TimeSpan cpu)
    {
        var latencies = workers.SelectMany(worker => worker.Latencies).ToArray();
        Array.Sort(latencies);
        var count = latencies.Length;
        var statuses = new SortedDictionary<int, long>();
        foreach (var worker in workers)
        {
            foreach (var (status, seen) in worker.Statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + seen;
            }
        }

        double Micro(double quantile) => count == 0 ? 0 : Ticks(latencies[Math.Clamp((int)Math.Ceiling(quantile * count) - 1, 0, count - 1)]);
        var mean = count == 0 ? 0 : latencies.Average(Ticks);
        var non2xx = statuses.Where(pair => pair.Key is < 200 or > 299).Sum(pair => pair.Value);
        var errors = workers.Sum(worker => worker.Errors);
        var badReplies = workers.Sum(worker => worker.BadReplies);
        var noted = workers.Sum(worker => worker.Noted);
        var notedText = target.NotedLabel is { } label ? string.Create(CultureInfo.InvariantCulture, $", {noted:N0} {label}") : "";
        var seconds = window.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Connections} connections, {(options.Rate > 0 ? $"paced at {options.Rate:F0}/s" : "flat out")}, {seconds:F1} s: {count:N0} replies ({count / seconds:N0}/s), statuses {string.Join(", ", statuses.Select(pair => $"{pair.Key}: {pair.Value:N0}"))}, {errors} failed, {badReplies} 200s without a lesson{notedText}; latency p50 {Micro(0.50):F0} µs, p99 {Micro(0.99):F0} µs, max {(count == 0 ? 0 : Ticks(latencies[^1])):F0} µs; generator CPU {cpu.TotalSeconds:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT requests={count} seconds={seconds:F2} rps={count / seconds:F0} p50_us={Micro(0.50):F0} p90_us={Micro(0.90):F0} p99_us={Micro(0.99):F0} p999_us={Micro(0.999):F0} max_us={(count == 0 ? 0 : Ticks(latencies[^1])):F0} mean_us={mean:F0} non2xx={non2xx} socket_errors={errors} bad_replies={badReplies} client_cpu_s={cpu.TotalSeconds:F1}"));
    }

    private static double Ticks(long ticks) => ticks * 1e6 / Stopwatch.Frequency;

    /// <summary>One connection's figures, touched by its own loop only (read after the loops end).</summary>
    private sealed class Worker(int index, ILoadTarget target)
    {
        public int Index { get; } = index;

        public List<long> Latencies { get; } = new(capacity: 1 << 16);

        public Dictionary<int, long> Statuses { get; } = [];

        public long Errors { get; set; }

        public long BadReplies { get; set; }

        public long Noted { get; set; }

        public void Record(long elapsed, int status, byte[] reply)
        {
            Latencies.Add(elapsed);
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            if (status == 200 && !target.IsAnswer(reply))
            {
                BadReplies++;
            }

            if (target.IsNoted(reply))
            {
                Noted++;
            }
        }
    }
}
