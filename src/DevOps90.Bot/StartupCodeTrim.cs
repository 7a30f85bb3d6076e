using System.Globalization;
using System.Runtime.InteropServices;

namespace DevOps90.Bot;

/// <summary>
/// Hands the kernel back the pages of the bot's own code and data files once the start has settled. Most of the
/// native image's code runs only while the host starts (building the container, the schema step, the first
/// request), yet its pages stay mapped: the kernel maps a fault's neighbours too, so after a start about 35 of the
/// image's 43 MB are resident though an idle bot runs a fraction of it (bench/README.md, process footprint). Asked
/// with MADV_PAGEOUT, the kernel drops the clean pages no other process maps; whatever the bot runs later is read
/// back on first use (a page fault, from the page cache or the disk). Nothing is written and nothing is lost: the
/// pages are the files' own. Only read-only mappings of files in the bot's folder are asked for (the executable,
/// SkiaSharp's and SQLite's libraries; the assemblies when not compiled natively); Linux 5.4 and later, elsewhere
/// it does nothing. Off with <c>Process:TrimCodeAfterStart=false</c>.
/// </summary>
internal sealed partial class StartupCodeTrim(
    IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StartupCodeTrim> logger) : BackgroundService
{
    /// <summary>How long after the host has started: the content index and the first health checks settle first.</summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private const string SettingKey = "Process:TrimCodeAfterStart";
    private const int MadvisePageout = 21;

    /// <summary>On unless set to false; a value that is neither stops the start naming the key (a typo must not
    /// silently mean "on").</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration[SettingKey] switch
    {
        null or "" => true,
        var value when bool.TryParse(value, out var enabled) => enabled,
        var value => throw new StartupSettingException($"{SettingKey}: '{value}' is neither true nor false."),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/maps"))
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
                await Task.Delay(Settle, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        long asked = 0;
        foreach (var (start, length) in OwnReadOnlyFileMappings(File.ReadLines("/proc/self/maps"), AppContext.BaseDirectory))
        {
            if (NativeMethods.madvise(start, length, MadvisePageout) == 0)
            {
                asked += (long)length;
            }
        }

        LogTrimmed(logger, asked / (1024 * 1024));
    }

    /// <summary>
    /// The ranges of <paramref name="maps"/> (lines of /proc/PID/maps) that map a file under <paramref name="folder"/>
    /// without write access.
    /// </summary>
    internal static IEnumerable<(nint Start, nuint Length)> OwnReadOnlyFileMappings(IEnumerable<string> maps, string folder)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        foreach (var line in maps)
        {
            // "start-end perms offset dev inode path": the path is the rest of the line (it may hold spaces).
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[1].Contains('w', StringComparison.Ordinal))
            {
                continue;
            }

            var path = fields[5].Trim();
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.EndsWith(" (deleted)", StringComparison.Ordinal))
            {
                continue;
            }

            var bounds = fields[0].Split('-');
            var start = ulong.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var end = ulong.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            yield return ((nint)start, (nuint)(end - start));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gave back the start's code pages ({Megabytes} MB of mapped files asked for)")]
    private static partial void LogTrimmed(ILogger logger, long megabytes);

    private static class NativeMethods
    {
        // int madvise(void *addr, size_t length, int advice): libc's, so no library of ours to ship.
        [DllImport("libc", EntryPoint = "madvise")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one blittable call.
        internal static extern int madvise(nint address, nuint length, int advice);
#pragma warning restore SYSLIB1054
    }
}
