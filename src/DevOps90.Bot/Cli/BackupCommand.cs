using System.CommandLine;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace DevOps90.Bot.Cli;

/// <summary>
/// <c>backup -o FILE</c>: a consistent copy of the SQLite database, taken while the bot runs, through SQLite's online
/// backup (a snapshot of one moment, whatever the bot writes meanwhile), never a file copy that could catch a write
/// half done. PostgreSQL has its own tools for that (pg_dump); the command says so.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(TextWriter output)
    {
        var fileOption = new Option<FileInfo>("--output", "-o") { Description = "The file to write the copy to (replaced when it exists).", Required = true };
        var command = new Command("backup", "Copy the bot's SQLite database to a file while the bot runs.");
        command.Options.Add(fileOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = BotHost.Build(["--Logging:Console:LogToStandardErrorThreshold=Trace"]);
            return await RunAsync(app.Services.GetRequiredService<IDatabase>(), parse.GetValue(fileOption)!.FullName, output, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(IDatabase database, string destination, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (database is not SqliteDatabase sqlite)
        {
            await output.WriteLineAsync($"The database is {database.Dialect.Name}, not SQLite: back it up with its own tools (PostgreSQL: pg_dump).").ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(sqlite.DataSource))
        {
            await output.WriteLineAsync($"There is no database at {sqlite.DataSource} yet: the bot has not run with these settings.").ConfigureAwait(false);
            return 2;
        }

        if (Path.GetFullPath(destination) == Path.GetFullPath(sqlite.DataSource))
        {
            await output.WriteLineAsync("The copy cannot replace the database itself: choose another file.").ConfigureAwait(false);
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        // Written beside the destination, then moved: an interrupted backup never leaves a file that looks whole.
        var partial = destination + ".partial";
        await using (var source = (SqliteConnection)await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
            await target.OpenAsync(cancellationToken).ConfigureAwait(false);
            source.BackupDatabase(target);
        }

        File.Move(partial, destination, overwrite: true);
        await output.WriteLineAsync($"Database {sqlite.DataSource} copied to {destination} ({new FileInfo(destination).Length:N0} bytes).").ConfigureAwait(false);
        return 0;
    }
}
