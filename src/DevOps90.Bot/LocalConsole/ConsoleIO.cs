namespace DevOps90.Bot.LocalConsole;

/// <summary>
/// The console's streams, replaceable in tests; interactive when a person is typing at a terminal. Replies and
/// scheduled posts share the output, one whole message at a time.
/// </summary>
public sealed class ConsoleIO(TextReader input, TextWriter output, bool isInteractive) : IDisposable
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    public TextReader Input => input;

    public bool IsInteractive => isInteractive;

    public static ConsoleIO System() => new(Console.In, Console.Out, !Console.IsInputRedirected);

    public void Dispose() => _writing.Dispose();

    public async Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(text).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }
}
