using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DevOps90.Bot.LoadTest.Fanout;

/// <summary>
/// The bot as a process of its own, from a copy of its build output, on the Fanout environment (the cohorts' settings
/// file), Discord over HTTP (no gateway) with its API at the fake. Its log goes to a file, and the lines this bench
/// reads are counted as they come: posts sent by the trigger's job and by reconciliation, retries, 429s.
/// </summary>
internal sealed class BenchHost : IDisposable
{
    public const string ScheduledCategory = "DevOps90.Bot.Scheduling.DailyPostJob";
    public const string ReconciliationCategory = "DevOps90.Bot.Scheduling.ReconciliationService";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchHost(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public string BaseUrl { get; private init; } = "";

    public int SentByTrigger { get; private set; }

    public int SentByReconciliation { get; private set; }

    public int WillRetry { get; private set; }

    public int FailedForGood { get; private set; }

    public int RateLimitedLines { get; private set; }

    /// <summary>Ends when the host logs that every cohort's trigger is in place.</summary>
    public Task Scheduled => _scheduled.Task;

    public Task Exited => _exited.Task;

    public static BenchHost Start(FanoutOptions options, string apiBaseUrl)
    {
        var port = FreePort();
        var log = new StreamWriter(Path.Combine(options.WorkDirectory, $"host-{options.Label}-{options.Cohorts}.log")) { AutoFlush = false };
        var start = new ProcessStartInfo(Path.Combine(options.BotDirectory, "DevOps90.Bot"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Fanout";
        foreach (var argument in new[]
        {
            $"--Urls=http://127.0.0.1:{port}",
            $"--Storage:DataDirectory={Path.Combine(options.WorkDirectory, $"data-{options.Label}-{options.Cohorts}")}",
            "--Discord:Token=fanout-bench-token",
            "--Discord:ApplicationId=1200000000000000002",
            "--Discord:Transport=Http",
            "--Discord:PublicKey=" + new string('a', 64),
            "--Discord:RegisterCommands=false",
            $"--Discord:ApiBaseUrl={apiBaseUrl}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:DevOps90.Bot.Scheduling=Information",
            "--Logging:Console:FormatterName=simple",
            "--Logging:Console:FormatterOptions:SingleLine=true",
            "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new BenchHost(process, log) { BaseUrl = $"http://127.0.0.1:{port}" };
        process.OutputDataReceived += (_, line) => host.Read(line.Data);
        process.ErrorDataReceived += (_, line) => host.Read(line.Data);
        process.Exited += (_, _) => host._exited.TrySetResult();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>User and system CPU the host has used so far, from /proc.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // After the command name: state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>SIGTERM, as a service manager stops it; SIGKILL after <paramref name="patience"/>.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan patience)
    {
        var stopping = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
            try
            {
                await _exited.Task.WaitAsync(patience).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        return stopping.Elapsed;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.WriteLine(line);
            if (line.Contains(" sent as ", StringComparison.Ordinal))
            {
                if (line.Contains(ScheduledCategory, StringComparison.Ordinal))
                {
                    SentByTrigger++;
                }
                else if (line.Contains(ReconciliationCategory, StringComparison.Ordinal))
                {
                    SentByReconciliation++;
                }
            }
            else if (line.Contains("failed, will retry", StringComparison.Ordinal))
            {
                WillRetry++;
            }
            else if (line.Contains("failed for good", StringComparison.Ordinal))
            {
                FailedForGood++;
            }
            else if (line.Contains("was rate limited", StringComparison.Ordinal))
            {
                RateLimitedLines++;
            }
            else if (line.Contains("Daily post schedules in place", StringComparison.Ordinal))
            {
                _scheduled.TrySetResult();
            }
        }
    }
}
