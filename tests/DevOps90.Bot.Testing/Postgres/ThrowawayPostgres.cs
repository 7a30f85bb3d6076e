using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DevOps90.Bot.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for this test process only: Debian's initdb and pg_ctl (/usr/lib/postgresql/&lt;version&gt;/bin)
/// make a cluster in a temp folder and start it on 127.0.0.1 and a free port, trusting local connections, without
/// fsync (nothing in it needs to survive). PostgreSQL refuses to run as root, so as root it runs as the postgres
/// user. Stopped and deleted when the process exits.
/// </summary>
public sealed class ThrowawayPostgres
{
    private readonly string _folder;
    private readonly string _bin;

    private ThrowawayPostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        ConnectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres" }.ToString();
    }

    public string ConnectionString { get; }

    private string Data => Path.Combine(_folder, "data");

    public static async Task<(ThrowawayPostgres? Server, string? Problem)> TryStartAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, $"no PostgreSQL server: set {TestPostgres.Variable} to a connection string (a throwaway server is started on Linux only)");
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(folder => File.Exists(Path.Combine(folder, "initdb")))
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(Path.GetDirectoryName(folder)), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            return (null, $"no PostgreSQL server: set {TestPostgres.Variable} to a connection string, or install Debian's postgresql package (its initdb and pg_ctl start a throwaway server)");
        }

        // As root, under /tmp itself: the postgres user must reach the folder (TMPDIR may be root's own).
        var folder = Path.Combine(Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath(), "devops90-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new ThrowawayPostgres(folder, bin, FreePort());
        try
        {
            await server.StartAsync().ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            return (server, null);
        }
        catch (InvalidOperationException exception)
        {
            server.Stop();
            return (null, $"a throwaway PostgreSQL server could not be started: {exception.Message}");
        }
    }

    private async Task StartAsync()
    {
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", _folder).ConfigureAwait(false);
        }

        var port = new NpgsqlConnectionStringBuilder(ConnectionString).Port.ToString(CultureInfo.InvariantCulture);
        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync").ConfigureAwait(false);
        await RunAsPostgresAsync(
            Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start").ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server and deletes its folder from a shell of their own: the test host may be ended soon after it
    /// starts exiting, and the shell finishes the job anyway.
    /// </summary>
    private void Stop()
    {
        var stop = $"{Path.Combine(_bin, "pg_ctl")} -D '{Data}' -m immediate -w stop >/dev/null 2>&1";
        var script = (Environment.IsPrivilegedProcess ? $"runuser -u postgres -- {stop}" : stop) + $"; rm -rf '{_folder}'";
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", script }, UseShellExecute = false });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Best effort at exit: a folder left under /tmp is all that remains.
        }
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{program}: {exception.Message}", exception);
        }

        using (process)
        {
            var output = process!.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var said = (await error.ConfigureAwait(false)).Trim() is { Length: > 0 } text ? text : (await output.ConfigureAwait(false)).Trim();
                throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments.Take(3))} exited with {process.ExitCode}: {said}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
