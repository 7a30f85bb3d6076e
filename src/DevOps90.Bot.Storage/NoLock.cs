namespace DevOps90.Bot.Storage;

/// <summary>A lock that needs no releasing.</summary>
internal sealed class NoLock : IAsyncDisposable, IDisposable
{
    public static NoLock Instance { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
