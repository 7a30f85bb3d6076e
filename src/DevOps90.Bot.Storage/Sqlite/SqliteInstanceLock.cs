namespace DevOps90.Bot.Storage.Sqlite;

/// <summary>
/// One bot process per SQLite file: an exclusive lock on a file beside the database, held for the process's
/// lifetime. Two schedulers on one file would each fire every trigger (Quartz forbids non-clustered schedulers on
/// shared tables), so a second process is refused at start and pointed to PostgreSQL, which clusters.
/// </summary>
internal sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream? _held;

    private SqliteInstanceLock(FileStream? held) => _held = held;

    public static IDisposable Acquire(string databasePath)
    {
        if (databasePath is "" or ":memory:")
        {
            return new SqliteInstanceLock(null);
        }

        var path = Path.GetFullPath(databasePath) + ".lock";
        try
        {
            // FileShare.None is an exclusive flock on Linux and macOS, a share mode on Windows; either way the lock
            // goes with the process, so a crash never leaves the file locked. The file itself stays (deleting it
            // would let a third process lock a new file while a second still holds the old one).
            return new SqliteInstanceLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StorageInUseException(
                $"Storage: '{Path.GetFullPath(databasePath)}' is used by another running bot (it holds '{path}'). One SQLite " +
                "file serves one bot process: stop the other one, or give this one its own Storage:DataDirectory. To run " +
                "several instances, use PostgreSQL (Storage:Provider=Postgres; see \"Running several instances\" in README.md).");
        }
    }

    public void Dispose() => _held?.Dispose();
}
