using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DevOps90.Bot.Testing.Processes;

/// <summary>
/// The bot as a process of its own (<c>dotnet DevOps90.Bot.dll</c> and settings on its command line), for the
/// multi-process test and the fan-out bench. Its log goes to a file, and the lines these read are counted as they
/// come: posts sent by the trigger's job and by reconciliation, retries, 429s, and when the schedules were in place.
/// </summary>
public sealed class BotProcess : IDisposable
{
    public const string ScheduledCategory = "DevOps90.Bot.Scheduling.DailyPostJob";
    public const string ReconciliationCategory = "DevOps90.Bot.Scheduling.ReconciliationService";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process, StreamWriter log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    public int SentByTrigger { get; private set; }

    public int SentByReconciliation { get; private set; }

    public int WillRetry { get; private set; }

    public int FailedForGood { get; private set; }

    public int RateLimitedLines { get; private set; }

    /// <summary>Ends when the bot logs that every cohort's trigger is in place.</summary>
    public Task Scheduled => _scheduled.Task;

    public Task Exited => _exited.Task;

    /// <summary>
    /// Starts <paramref name="botDll"/> with <paramref name="settings"/> (Key=value, on its command line) and
    /// <paramref name="environment"/>, listening on a free loopback port; its output goes to <paramref name="logPath"/>.
    /// </summary>
    public static BotProcess Start(string botDll, string logPath, IEnumerable<string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var log = new StreamWriter(logPath) { AutoFlush = false };
        // The SDK names the dotnet that runs the tests; elsewhere, the one on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(logPath),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(botDll);
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add("--" + setting);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, log, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, line) => bot.Read(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Read(line.Data);
        process.Exited += (_, _) => bot._exited.TrySetResult();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Discord over <paramref name="transport"/> at a fake's API, without registering commands.</summary>
    public static IEnumerable<string> FakeDiscordSettings(string apiBaseUrl, string transport) =>
    [
        "Discord:Token=fake-discord-token",
        "Discord:ApplicationId=1200000000000000002",
        $"Discord:Transport={transport}",
        "Discord:PublicKey=" + new string('a', 64),
        "Discord:RegisterCommands=false",
        $"Discord:ApiBaseUrl={apiBaseUrl}",
    ];

    /// <summary>One line per entry, with milliseconds, and the scheduling's lines whatever the level elsewhere.</summary>
    public static IEnumerable<string> LogSettings(string defaultLevel = "Warning") =>
    [
        $"Logging:LogLevel:Default={defaultLevel}",
        "Logging:LogLevel:DevOps90.Bot.Scheduling=Information",
        "Logging:Console:FormatterName=simple",
        "Logging:Console:FormatterOptions:SingleLine=true",
        "Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
    ];

    /// <summary>
    /// Waits until the bot has every trigger in place and answers /healthz, before <paramref name="deadline"/>: how
    /// long before it, or null when it was not in time (or exited).
    /// </summary>
    public async Task<TimeSpan?> ReadyBeforeAsync(DateTimeOffset deadline)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        while (TimeProvider.System.GetUtcNow() < deadline && !Exited.IsCompleted)
        {
            if (Scheduled.IsCompleted && await AnswersAsync(http, BaseUrl + "/healthz").ConfigureAwait(false))
            {
                return deadline - TimeProvider.System.GetUtcNow();
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>User and system CPU the bot has used so far, from /proc.</summary>
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

    /// <summary>SIGKILL, as a lost machine or the OOM killer would: nothing of the bot's own runs after it.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().ConfigureAwait(false);
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

    private static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            using var answer = await http.GetAsync(new Uri(url)).ConfigureAwait(false);
            return answer.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
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
            Count(line);
        }
    }

    private void Count(string line)
    {
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
