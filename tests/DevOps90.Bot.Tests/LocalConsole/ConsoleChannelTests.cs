using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.LocalConsole;

/// <summary>The real host with its console fed from a pipe, as `printf '/day 2\n' | dotnet run` would.</summary>
public sealed class ConsoleChannelTests
{
    [Fact]
    public async Task Run_PipedCommands_AnswersEachInTheCohortsLanguage()
    {
        var output = new SynchronizedStringWriter();
        var input = new StringReader("/day 2\n/today\n?day ingenieur\n/day 95\n");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = new TestHost(overrides: services =>
        {
            services.AddSingleton(new ConsoleIO(input, output, isInteractive: false));
            services.AddSingleton<TimeProvider>(clock);
        });
        var app = host.App;

        await app.StartAsync();
        var text = await output.WaitForAsync("Il n'y a pas de jour 95", TimeSpan.FromSeconds(20));
        await app.StopAsync();

        Assert.Contains("Jour 2 — Responsabilités d'un Ingénieur DevOps", text, StringComparison.Ordinal);
        Assert.Contains("Jour 3 — ", text, StringComparison.Ordinal);
        Assert.Contains("  2    2 — Responsabilités d'un Ingénieur DevOps", text, StringComparison.Ordinal);
        Assert.DoesNotContain("> ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExportAndChart_SaveTheirFilesAndSayWhere()
    {
        using var files = new TempFolder();
        var output = new SynchronizedStringWriter();
        var input = new StringReader("/done\n/participation export\n/participation chart\n");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = new TestHost([$"--Console:FilesDirectory={files.Path}"], services =>
        {
            services.AddSingleton(new ConsoleIO(input, output, isInteractive: false));
            services.AddSingleton<TimeProvider>(clock);
        });

        await host.App.StartAsync();
        var text = await output.WaitForAsync("participation-console.png", TimeSpan.FromSeconds(30));
        await host.App.StopAsync();

        var csv = await File.ReadAllLinesAsync(Path.Combine(files.Path, "participation-console-start-today.csv"));
        var png = await File.ReadAllBytesAsync(Path.Combine(files.Path, "participation-console.png"));
        Assert.Contains($"📎 Fichier enregistré : {Path.Combine(files.Path, "participation-console-start-today.csv")}", text, StringComparison.Ordinal);
        Assert.Equal(["cohort,member_id,day,lesson_date,checked_in_utc,checked_in_local,late,shared_url", "console,console,3,2027-01-03,2027-01-03T10:00:00Z,2027-01-03T11:00:00+01:00,false,"], csv);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Run_InteractiveQuit_StopsTheHost()
    {
        var output = new SynchronizedStringWriter();
        await using var host = new TestHost(overrides: services =>
            services.AddSingleton(new ConsoleIO(new StringReader("/help\n/quit\n"), output, isInteractive: true)));
        var app = host.App;
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();

        await app.StartAsync();
        var stopped = await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(20)), WhenStopping(lifetime));
        await app.StopAsync();

        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested, "the host did not stop on /quit");
        Assert.Contains("Console DevOps90.Bot", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("**", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("/day <number>", output.ToString(), StringComparison.Ordinal);
        Assert.NotNull(stopped);
    }

    private static Task WhenStopping(IHostApplicationLifetime lifetime)
    {
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(stopping.SetResult);
        return stopping.Task;
    }
}
