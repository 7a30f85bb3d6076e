using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Processes;

namespace DevOps90.Bot.Tests.Footprint;

/// <summary>
/// What a bot on its defaults (SQLite, console, no telemetry) must not load: the PostgreSQL driver and the
/// OpenTelemetry SDK cost start-up time and memory (bench/footprint.sh) for nothing, and so does SkiaSharp's native
/// library until a chart or certificate is drawn. A type from either in the signature of code every start compiles,
/// or an eager warm-up, loads it silently, so this is checked on a real process.
/// </summary>
public sealed class LoadedAssembliesTests
{
    [SkippableFact]
    public async Task A_bot_on_its_defaults_maps_neither_the_postgresql_driver_nor_the_telemetry_sdk_nor_skia()
    {
        Skip.IfNot(File.Exists("/proc/self/maps"), "Needs /proc (Linux) to list what a process has mapped.");
        using var folder = new TempFolder();
        using var bot = BotProcess.Start(
            BuiltBot.Dll(typeof(LoadedAssembliesTests).Assembly),
            Path.Combine(folder.Path, "bot.log"),
            [$"Storage:DataDirectory={Path.Combine(folder.Path, "data")}", .. BotProcess.LogSettings()]);

        Assert.True(await ReadyAsync(bot, TimeSpan.FromMinutes(2)), "The bot did not become ready; its log is in " + folder.Path);
        var mapped = File.ReadLines($"/proc/{bot.Id}/maps")
            .Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("DevOps90.Bot.Storage.dll", mapped);
        Assert.Contains("Microsoft.Data.Sqlite.dll", mapped);
        Assert.DoesNotContain(mapped, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(mapped, name => name.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain("libSkiaSharp.so", mapped);
    }

    private static async Task<bool> ReadyAsync(BotProcess bot, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (TimeProvider.System.GetUtcNow() < deadline && !bot.Exited.IsCompleted)
        {
            try
            {
                using var response = await http.GetAsync(bot.BaseUrl + "/healthz/ready");
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return false;
    }
}
